import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, model } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger, MatOption } from '@angular/material/autocomplete';
import { MatIconButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { type ChatterSummary, type UserRef } from '@integron/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';

import { ChattersApiService } from '../core/chatters-api.service';

/** Typing pauses this long before the archive is asked. */
export const CHATTER_SEARCH_DEBOUNCE_MS = 250;
const SUGGESTIONS = 10;

/** A Twitch user as pickers and URLs name them: the id the API filters by, the login people read. */
export type ChatterPick = Pick<UserRef, 'id' | 'login'>;

/**
 * A chatter field: type a login, pick from the chatters the archive knows. `selected` is the
 * picked chatter, `null` while nothing (or only free text) is in the field.
 */
@Component({
  selector: 'app-chatter-picker',
  imports: [
    DecimalPipe,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatFormField,
    MatHint,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatOption,
    MatSuffix,
    ReactiveFormsModule,
  ],
  template: `
    <mat-form-field [subscriptSizing]="hint() ? 'fixed' : 'dynamic'">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        autocomplete="off"
        spellcheck="false"
        [formControl]="text"
        [matAutocomplete]="auto"
        [attr.data-testid]="testId()"
      />
      @if (text.value) {
        <button
          matIconButton
          matSuffix
          type="button"
          [attr.aria-label]="'Clear ' + label()"
          (click)="clear()"
        >
          <mat-icon>close</mat-icon>
        </button>
      }
      @if (hint(); as hint) {
        <mat-hint>{{ hint }}</mat-hint>
      }
      <mat-autocomplete
        #auto="matAutocomplete"
        [displayWith]="displayLogin"
        (optionSelected)="pick($event.option.value)"
      >
        @for (chatter of suggestions(); track chatter.user.id) {
          <mat-option [value]="chatter.user">
            <span class="name">{{ chatter.user.displayName }}</span>
            <span class="app-muted">
              {{ chatter.user.login }} · {{ chatter.messageCount | number }} messages</span
            >
          </mat-option>
        }
      </mat-autocomplete>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    mat-form-field {
      width: 100%;
    }
    .name {
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChatterPickerComponent {
  readonly label = input.required<string>();
  readonly testId = input.required<string>();
  readonly hint = input<string | null>(null);
  readonly selected = model<ChatterPick | null>(null);

  private readonly api = inject(ChattersApiService);

  protected readonly text = new FormControl<string | ChatterPick>('', { nonNullable: true });

  protected readonly suggestions = toSignal(
    this.text.valueChanges.pipe(
      map((value) => (typeof value === 'string' ? value.trim().toLowerCase() : '')),
      debounceTime(CHATTER_SEARCH_DEBOUNCE_MS),
      distinctUntilChanged(),
      switchMap((q) =>
        q === ''
          ? of<ChatterSummary[]>([])
          : this.api.search(q, { limit: SUGGESTIONS }).pipe(
              map((page) => page.items),
              catchError(() => of<ChatterSummary[]>([])),
            ),
      ),
    ),
    { initialValue: [] },
  );

  constructor() {
    // Typing over a picked chatter un-picks it.
    this.text.valueChanges.pipe(takeUntilDestroyed()).subscribe((value) => {
      if (typeof value === 'string' && this.selected() !== null) {
        this.selected.set(null);
      }
    });
    // A chatter set from outside (the URL) shows in the field.
    effect(() => {
      const selected = this.selected();
      const shown = this.text.value;
      if (selected !== null && (typeof shown === 'string' || shown.id !== selected.id)) {
        this.text.setValue(selected, { emitEvent: false });
      } else if (selected === null && typeof shown !== 'string') {
        this.text.setValue('', { emitEvent: false });
      }
    });
  }

  protected readonly displayLogin = (value: string | ChatterPick | null): string =>
    typeof value === 'string' ? value : (value?.login ?? '');

  protected pick(user: UserRef): void {
    this.selected.set({ id: user.id, login: user.login });
  }

  protected clear(): void {
    this.text.setValue('');
    this.selected.set(null);
  }
}
