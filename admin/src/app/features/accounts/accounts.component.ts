import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatChip, MatChipSet } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';
import {
  ADMIN_ROUTES,
  TWITCH_ACCOUNT_PURPOSES,
  type TwitchAccount,
  type TwitchAccountPurpose,
  type TwitchConnectOutcome,
} from '@integron/contracts';

import { BusyIds } from '../../core/busy-ids';
import { FULL_PAGE_NAVIGATION } from '../../core/full-page-navigation';
import { NotifyService } from '../../core/notify.service';
import { pageData } from '../../core/page-data';
import { confirmThen } from '../../shared/confirm-dialog.component';
import { LoadErrorComponent } from '../../shared/load-error.component';
import { connectErrorMessage } from './connect-error.util';
import { DeviceConnectPanelComponent } from './device-connect-panel.component';
import { DeviceConnect, deviceOutcomeMessage } from './device-connect.service';
import { purposeDescription, purposeLabel } from './purpose.util';
import { TwitchAccountsApiService, connectUrl } from './twitch-accounts-api.service';

/** Query parameters the connect flow's redirect back to this page carries. */
export const CONNECTED_PARAM = 'connected' satisfies keyof Extract<
  TwitchConnectOutcome,
  { connected: string }
>;
export const CONNECT_ERROR_PARAM = 'error' satisfies keyof Extract<
  TwitchConnectOutcome,
  { error: unknown }
>;

export interface AccountRow {
  account: TwitchAccount;
  purposeLabel: string;
  needsReconnect: boolean;
  /** Reconnecting fixes both a refused token and missing scopes. */
  offerReconnect: boolean;
}

/** The Twitch accounts Integron acts as: connect (with Twitch or by device code), reconnect, disconnect. */
@Component({
  selector: 'app-accounts',
  imports: [
    DatePipe,
    DeviceConnectPanelComponent,
    LoadErrorComponent,
    MatButton,
    MatChip,
    MatChipSet,
    MatIcon,
    MatProgressBar,
  ],
  providers: [DeviceConnect],
  templateUrl: './accounts.component.html',
  styleUrl: './accounts.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountsComponent {
  private readonly api = inject(TwitchAccountsApiService);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotifyService);
  private readonly navigate = inject(FULL_PAGE_NAVIGATION);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  protected readonly device = inject(DeviceConnect);

  protected readonly title = ADMIN_ROUTES.accounts.title;
  protected readonly purposes = TWITCH_ACCOUNT_PURPOSES.map((value) => ({
    value,
    label: purposeLabel(value),
    description: purposeDescription(value),
  }));
  protected readonly accounts = pageData(this.api.list());
  protected readonly busy = new BusyIds();

  protected readonly rows = computed(
    (): AccountRow[] | null =>
      this.accounts.value()?.map((account) => {
        const needsReconnect = account.status === 'needs_reconnect';
        return {
          account,
          purposeLabel: purposeLabel(account.purpose),
          needsReconnect,
          offerReconnect: needsReconnect || account.missingScopes.length > 0,
        };
      }) ?? null,
  );

  constructor() {
    this.reportConnectOutcome();
    this.device.finished.pipe(takeUntilDestroyed()).subscribe((flow) => {
      if (flow.status === 'connected') {
        this.notify.done(deviceOutcomeMessage(flow));
        this.accounts.reload();
      }
    });
  }

  /** Leaves for Twitch; the backend brings the browser back here with the outcome. */
  protected connect(purpose: TwitchAccountPurpose): void {
    this.navigate(connectUrl(purpose));
  }

  protected disconnect(row: AccountRow): void {
    const { account } = row;
    confirmThen(
      this.dialog,
      {
        title: `Disconnect ${account.displayName}?`,
        message: `Integron stops acting as ${account.login} and revokes its token at Twitch. What relies on this ${row.purposeLabel.toLowerCase()} account stops until it is connected again.`,
        confirmLabel: 'Disconnect',
      },
      () => this.busy.track(account.id, this.api.disconnect(account.id)),
    ).subscribe({
      next: () => {
        this.accounts.update((accounts) => accounts.filter((each) => each.id !== account.id));
        this.notify.done(`Disconnected ${account.login}.`);
      },
      error: (error: unknown) => this.notify.failed(`Could not disconnect ${account.login}`, error),
    });
  }

  /** `?connected=<login>` or `?error=<code>` from the connect flow: say so once, then tidy the URL. */
  private reportConnectOutcome(): void {
    const params = this.route.snapshot.queryParamMap;
    const connected = params.get(CONNECTED_PARAM);
    const error = params.get(CONNECT_ERROR_PARAM);
    if (connected === null && error === null) {
      return;
    }
    if (error !== null) {
      this.notify.problem(connectErrorMessage(error));
    } else if (connected) {
      this.notify.done(`Connected ${connected}.`);
    }
    void this.router.navigate([], { relativeTo: this.route, queryParams: {}, replaceUrl: true });
  }
}
