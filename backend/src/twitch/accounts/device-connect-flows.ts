import { randomUUID } from 'node:crypto';
import {
  type DeviceConnectFlow,
  TWITCH_ACCOUNT_SCOPES,
  type TwitchAccountPurpose,
} from '@integron/contracts';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type AccessToken } from '@twurple/auth';
import { ApiError } from '../../http/api-error.js';
import { describeTwitchError } from '../twitch-errors.js';
import { type DeviceAuthorization, TwitchOAuth } from '../twitch-oauth.js';
import { TwitchAccountsService } from './twitch-accounts.service.js';

/** RFC 8628: on `slow_down`, poll this much less often from then on. */
const SLOW_DOWN_SECONDS = 5;
/** A finished flow stays readable this long, for the page that polls it. */
const KEEP_FINISHED_MS = 10 * 60_000;

interface Flow {
  view: DeviceConnectFlow;
  authorization: DeviceAuthorization;
  connectedBy: string;
  intervalSeconds: number;
  timer: NodeJS.Timeout | null;
}

/**
 * Connecting an account on a headless setup: Twitch shows the person a code to enter on another
 * device while Integron polls in the background until they approve, deny or the code expires.
 * Flows live in this process only; one that is cut short by a restart is simply started again.
 */
@Injectable()
export class DeviceConnectFlows implements OnApplicationShutdown {
  private readonly logger = new Logger('DeviceConnect');
  private readonly flows = new Map<string, Flow>();

  constructor(
    private readonly oauth: TwitchOAuth,
    private readonly accounts: TwitchAccountsService,
  ) {}

  async start(purpose: TwitchAccountPurpose, memberId: string): Promise<DeviceConnectFlow> {
    const authorization = await this.oauth
      .startDeviceAuthorization(TWITCH_ACCOUNT_SCOPES[purpose])
      .catch((error: unknown) => {
        this.logger.warn(`Starting a device connection failed: ${describeTwitchError(error)}`);
        throw new ApiError(
          'SERVICE_UNAVAILABLE',
          'Twitch did not start a device connection. Try again in a moment.',
        );
      });
    const flow: Flow = {
      view: {
        flowId: randomUUID(),
        purpose,
        userCode: authorization.userCode,
        verificationUri: authorization.verificationUri,
        expiresAt: new Date(Date.now() + authorization.expiresInSeconds * 1000).toISOString(),
        status: 'pending',
        account: null,
        error: null,
      },
      authorization,
      connectedBy: memberId,
      intervalSeconds: authorization.intervalSeconds,
      timer: null,
    };
    this.flows.set(flow.view.flowId, flow);
    this.schedulePoll(flow);
    return flow.view;
  }

  get(flowId: string): DeviceConnectFlow {
    const flow = this.flows.get(flowId);
    if (!flow)
      throw new ApiError(
        'NOT_FOUND',
        `No device connection ${flowId}: it finished long ago or the server restarted. Start a new one.`,
      );
    return flow.view;
  }

  onApplicationShutdown(): void {
    for (const flow of this.flows.values()) if (flow.timer) clearTimeout(flow.timer);
    this.flows.clear();
  }

  private schedulePoll(flow: Flow): void {
    flow.timer = setTimeout(() => void this.poll(flow), flow.intervalSeconds * 1000);
  }

  private async poll(flow: Flow): Promise<void> {
    flow.timer = null;
    if (Date.parse(flow.view.expiresAt) <= Date.now()) {
      this.finish(flow, 'expired', 'The code expired before it was entered. Start again.');
      return;
    }
    try {
      const { purpose } = flow.view;
      const poll = await this.oauth.pollDeviceToken(
        flow.authorization.deviceCode,
        TWITCH_ACCOUNT_SCOPES[purpose],
      );
      switch (poll.state) {
        case 'pending':
          return this.schedulePoll(flow);
        case 'slow_down':
          flow.intervalSeconds += SLOW_DOWN_SECONDS;
          return this.schedulePoll(flow);
        case 'denied':
          return this.finish(flow, 'denied', 'The connection was declined on Twitch.');
        case 'invalid':
          this.logger.warn(
            `Twitch refused device connection ${flow.view.flowId} (HTTP ${poll.statusCode})`,
          );
          return this.finish(flow, 'failed', 'Twitch refused the code. Start again.');
        case 'approved':
          return await this.connect(flow, poll.token);
      }
    } catch (error) {
      // Twitch or the database did not answer: try again until the code expires.
      this.logger.warn(
        `Polling device connection ${flow.view.flowId} failed: ${describeTwitchError(error)}`,
      );
      this.schedulePoll(flow);
    }
  }

  /** The code is spent once approved: a failure from here on ends the flow. */
  private async connect(flow: Flow, token: AccessToken): Promise<void> {
    try {
      const user = await this.oauth.identify(token.accessToken);
      const account = await this.accounts.connect({
        user,
        purpose: flow.view.purpose,
        token,
        connectedBy: flow.connectedBy,
      });
      flow.view = { ...flow.view, account };
      this.finish(flow, 'connected', null);
    } catch (error) {
      this.logger.warn(
        `Device connection ${flow.view.flowId} was approved, but connecting failed: ${describeTwitchError(error)}`,
      );
      this.finish(
        flow,
        'failed',
        'Approved on Twitch, but connecting the account failed. Try again; the server log says why.',
      );
    }
  }

  private finish(
    flow: Flow,
    status: Exclude<DeviceConnectFlow['status'], 'pending'>,
    error: string | null,
  ): void {
    flow.view = { ...flow.view, status, error };
    setTimeout(() => this.flows.delete(flow.view.flowId), KEEP_FINISHED_MS).unref();
  }
}
