import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { type Channel } from '@integron/contracts';

/** Picks one of the team's channels; inactive ones say so. */
@Component({
  selector: 'app-channel-select',
  imports: [MatFormField, MatLabel, MatOption, MatSelect],
  template: `
    <mat-form-field class="channel-field">
      <mat-label>{{ label() }}</mat-label>
      <mat-select
        [attr.data-testid]="testId()"
        [value]="value()"
        (selectionChange)="value.set($event.value)"
      >
        @for (channel of channels(); track channel.id) {
          <mat-option [value]="channel.id">
            {{ channel.displayName }}
            @if (!channel.isActive) {
              <span class="app-muted">(inactive)</span>
            }
          </mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    .channel-field {
      width: min(320px, 100%);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChannelSelectComponent {
  readonly channels = input.required<readonly Channel[]>();
  /** Integron's id of the chosen channel. */
  readonly value = model<string | null>(null);
  readonly label = input('Channel');
  readonly testId = input('channel-select');
}
