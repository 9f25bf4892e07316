import { type ChannelConnection, type ChannelRef } from '@integron/contracts';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { Counter } from 'prom-client';
import { Subject } from 'rxjs';
import { TokenVault } from '../../auth/token-vault/token-vault.js';
import { RecentMap } from '../../common/recent-map.js';
import { EventBus } from '../../bus/event-bus.js';
import { TwitchAccountsService } from '../accounts/twitch-accounts.service.js';
import { SingleUserAuthProvider } from '../auth-providers/single-user-auth-provider.js';
import { TwitchAuthProviders } from '../auth-providers/twitch-auth-providers.js';
import { TwitchEndpoints } from '../twitch-endpoints.js';
import { CHAT_LINES_METRIC } from '../twitch.metrics.js';
import { ChatReader, type ChatReaderIdentity } from './chat-reader.js';
import { type IrcLine, normalizeIrcLine } from './irc-normalizer.js';

/** A handover's overlap is seconds of chat; this many ids cover minutes of a busy channel. */
const DEDUPE_WINDOW = 100_000;
/** Accounts whose purpose may read chat, preferred first. */
const READER_PURPOSES = ['bot', 'broadcaster'] as const;

export interface ChannelStateChange {
  channel: ChannelRef;
  connection: ChannelConnection;
}

/**
 * Twitch chat for the team's channels, as events on the bus: read as a connected bot (or
 * broadcaster) account with `chat:read`, else anonymously; every line normalised once, and a
 * line seen twice (a reconnect's overlap) published once.
 */
@Injectable()
export class TwitchChat implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TwitchChat');
  private readonly reader: ChatReader;
  private readonly byLogin = new Map<string, ChannelRef>();
  private readonly seen = new RecentMap<true>(DEDUPE_WINDOW);
  private readonly stateChanges = new Subject<ChannelStateChange>();
  /** Every change of a channel's chat state. */
  readonly stateChanges$ = this.stateChanges.asObservable();

  constructor(
    endpoints: TwitchEndpoints,
    private readonly bus: EventBus,
    private readonly vault: TokenVault,
    private readonly providers: TwitchAuthProviders,
    accounts: TwitchAccountsService,
    @InjectMetric(CHAT_LINES_METRIC) private readonly lines: Counter<'outcome'>,
  ) {
    this.reader = new ChatReader({
      server: endpoints.chat,
      onLine: (line) => this.receive(line),
      onStateChange: (login, connection) => {
        const channel = this.byLogin.get(login);
        if (channel) this.stateChanges.next({ channel, connection });
      },
      log: {
        info: (message) => this.logger.log(message),
        warn: (message) => this.logger.warn(message),
        debug: (message) => this.logger.debug(message),
      },
    });
    accounts.onChange(async () => this.reader.changeIdentity(await this.chooseIdentity()));
  }

  async onApplicationBootstrap(): Promise<void> {
    this.reader.start(await this.chooseIdentity());
  }

  onModuleDestroy(): void {
    this.reader.stop();
    this.stateChanges.complete();
  }

  /** The channels to read; the ones no longer listed are left. */
  follow(channels: readonly ChannelRef[]): void {
    this.byLogin.clear();
    for (const channel of channels) this.byLogin.set(channel.login, channel);
    this.reader.follow(channels);
  }

  rejoin(login: string): void {
    this.reader.rejoin(login);
  }

  connectionOf(login: string): ChannelConnection {
    return this.reader.connectionOf(login);
  }

  private receive(line: IrcLine): void {
    const event = normalizeIrcLine(line, (login) => this.byLogin.get(login));
    if (!event) return;
    if (this.seen.has(event.eventId)) {
      this.lines.inc({ outcome: 'duplicate' });
      return;
    }
    this.seen.set(event.eventId, true);
    this.lines.inc({ outcome: 'published' });
    this.bus.publish(event);
  }

  /** The longest-connected account that may read chat, bots before broadcasters. */
  private async chooseIdentity(): Promise<ChatReaderIdentity | null> {
    for (const purpose of READER_PURPOSES) {
      const accounts = await this.vault.connected(purpose);
      const reader = accounts
        .filter((account) => account.scopes.includes('chat:read'))
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
      if (reader)
        return {
          login: reader.login,
          authProvider: new SingleUserAuthProvider(
            this.providers.for(purpose),
            reader.twitchUserId,
          ),
        };
    }
    return null;
  }
}
