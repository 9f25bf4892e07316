import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';

import { CopyButtonComponent } from '../../shared/copy-button.component';
import { DeviceConnect, deviceOutcomeMessage } from './device-connect.service';
import { purposeLabel } from './purpose.util';

/** The device-code connection under way, from its parent's `DeviceConnect`; nothing when idle. */
@Component({
  selector: 'app-device-connect-panel',
  imports: [CopyButtonComponent, DatePipe, MatButton, MatIcon, MatProgressSpinner],
  template: `
    @let state = device.state();
    @if (state.kind !== 'idle') {
      <section
        class="device"
        data-testid="device-flow"
        aria-live="polite"
        [attr.data-status]="status()"
      >
        <h3>Connect a {{ purpose() }} account with a device code</h3>
        @if (state.kind === 'starting') {
          <p class="waiting">
            <mat-progress-spinner mode="indeterminate" aria-label="Starting" [diameter]="20" />
            <span>Asking Twitch for a code…</span>
          </p>
        } @else if (state.kind === 'failed') {
          <div class="app-banner app-banner--error" role="alert">
            <mat-icon>error</mat-icon>
            <div class="app-banner-text">
              <strong>Could not connect by device code</strong>
              <span data-testid="device-message">{{ state.message }}</span>
            </div>
          </div>
          <div class="actions">
            <button matButton type="button" (click)="device.close()">Close</button>
            <button matButton="filled" type="button" (click)="device.start(state.purpose)">
              Try again
            </button>
          </div>
        } @else if (state.kind === 'flow') {
          @let flow = state.flow;
          @if (flow.status === 'pending') {
            <ol class="steps">
              <li>
                On any device, open
                <a [href]="flow.verificationUri" target="_blank" rel="noopener noreferrer">{{
                  flow.verificationUri
                }}</a>
                <app-copy-button [value]="flow.verificationUri" what="the link" />
              </li>
              <li>
                Sign in to Twitch as the {{ purpose() }} account and enter the code
                <code class="user-code" data-testid="device-user-code">{{ flow.userCode }}</code>
                <app-copy-button [value]="flow.userCode" what="the code" />
              </li>
            </ol>
            <p class="waiting">
              <mat-progress-spinner mode="indeterminate" aria-label="Waiting" [diameter]="20" />
              <span>
                Waiting for Twitch… the code works until
                <time [attr.datetime]="flow.expiresAt">{{
                  flow.expiresAt | date: 'shortTime'
                }}</time>.
              </span>
            </p>
            <div class="actions">
              <button matButton type="button" (click)="device.close()">Cancel</button>
            </div>
          } @else {
            <div
              role="status"
              [class]="
                flow.status === 'connected'
                  ? 'app-banner app-banner--success'
                  : 'app-banner app-banner--error'
              "
            >
              <mat-icon>{{ flow.status === 'connected' ? 'check_circle' : 'error' }}</mat-icon>
              <span class="app-banner-text" data-testid="device-message">{{ outcome() }}</span>
            </div>
            <div class="actions">
              @if (flow.status === 'connected') {
                <button matButton="filled" type="button" (click)="device.close()">Done</button>
              } @else {
                <button matButton type="button" (click)="device.close()">Close</button>
                <button matButton="filled" type="button" (click)="device.start(flow.purpose)">
                  Try again
                </button>
              }
            </div>
          }
        }
      </section>
    }
  `,
  styles: `
    .device {
      margin-top: 16px;
      padding-top: 16px;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 0 0 8px;
    }
    .steps {
      margin: 0 0 8px;
      padding-left: 20px;
      line-height: 2.5;
      overflow-wrap: anywhere;
    }
    .user-code {
      padding: 2px 8px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container-highest);
      font-size: 1.25em;
      letter-spacing: 0.1em;
    }
    .waiting {
      display: flex;
      align-items: center;
      gap: 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeviceConnectPanelComponent {
  protected readonly device = inject(DeviceConnect);

  protected readonly status = computed(() => {
    const state = this.device.state();
    return state.kind === 'flow' ? state.flow.status : state.kind;
  });

  /** Lower case, for use in a sentence: "broadcaster", "bot". */
  protected readonly purpose = computed(() => {
    const state = this.device.state();
    switch (state.kind) {
      case 'idle':
        return '';
      case 'starting':
      case 'failed':
        return purposeLabel(state.purpose).toLowerCase();
      case 'flow':
        return purposeLabel(state.flow.purpose).toLowerCase();
    }
  });

  protected readonly outcome = computed(() => {
    const state = this.device.state();
    return state.kind === 'flow' ? deviceOutcomeMessage(state.flow) : '';
  });
}
