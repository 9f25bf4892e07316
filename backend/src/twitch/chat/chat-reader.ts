import {
  type ChannelChatState,
  type ChannelConnection,
  type ChannelRef,
} from '@integron/contracts';
import { type AuthProvider } from '@twurple/auth';
import { ChatClient, type ChatClientOptions } from '@twurple/chat';
import { type Message } from 'ircv3';
import { scrubSecrets } from '../../logging/secrets.js';
import { type ChatServer } from '../twitch-endpoints.js';
import { type IrcLine } from './irc-normalizer.js';

/** Who Integron reads chat as: a connected account, or anonymously (`justinfan…`). */
export interface ChatReaderIdentity {
  login: string;
  authProvider: AuthProvider;
}

export interface ChatReaderLog {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

export interface ChatReaderOptions {
  server: ChatServer;
  /** Every line of every connection, in arrival order (duplicates possible during a handover). */
  onLine(line: IrcLine): void;
  onStateChange(login: string, connection: ChannelConnection): void;
  log: ChatReaderLog;
  /** How long a handover waits for the new connection's joins before dropping the old one. */
  handoverTimeoutMs?: number;
  /** Delays before retrying a join Twitch refused; the last one repeats. */
  joinRetryDelaysMs?: readonly number[];
}

const DEFAULT_HANDOVER_TIMEOUT_MS = 15_000;
/** @d-fischer/logger's levels: 0 critical … 2 warning, 3 info, 4 debug, 7 trace. */
const TWURPLE_WARNING = 2;
const TWURPLE_INFO = 3;
const DEFAULT_JOIN_RETRY_DELAYS_MS = [15_000, 30_000, 60_000, 120_000, 300_000, 600_000];

/**
 * Integron's chat connection: joins the team's channels, keeps them joined across drops (twurple
 * reconnects with backoff; every channel is joined again) and hands over without a gap on
 * Twitch's RECONNECT: a second connection joins everything before the first one is closed, so
 * the two overlap and the lines they both carry are de-duplicated downstream.
 */
export class ChatReader {
  private readonly wanted = new Map<string, ChannelRef>();
  private readonly states = new Map<string, ChannelConnection>();
  private readonly retries = new Map<string, { timer: NodeJS.Timeout; attempt: number }>();
  private readonly retiring = new Set<ChatClient>();
  private client: ChatClient | null = null;
  private identity: ChatReaderIdentity | null = null;
  private stopped = false;

  constructor(private readonly options: ChatReaderOptions) {}

  /** The account lines are read as, or `null` when anonymous. */
  get readingAs(): string | null {
    return this.identity?.login ?? null;
  }

  start(identity: ChatReaderIdentity | null): void {
    this.identity = identity;
    this.client = this.connect();
  }

  /** Reads as someone else from now on; the old connection stays until the new one has joined. */
  changeIdentity(identity: ChatReaderIdentity | null): void {
    if (this.stopped || this.identity?.login === identity?.login) return;
    this.identity = identity;
    this.options.log.info(
      `Reading chat as ${identity?.login ?? 'an anonymous viewer'} from now on`,
    );
    this.handOver();
  }

  /** The channels to be in: joins the new ones, parts the ones no longer listed. */
  follow(channels: readonly ChannelRef[]): void {
    const next = new Map(channels.map((channel) => [channel.login, channel]));
    for (const login of [...this.wanted.keys()]) {
      if (next.has(login)) continue;
      this.wanted.delete(login);
      this.cancelRetry(login);
      for (const client of this.clients()) if (client.isConnected) client.part(login);
      this.setState(login, 'parted', null);
    }
    for (const [login, channel] of next) {
      if (this.wanted.has(login)) {
        this.wanted.set(login, channel);
        continue;
      }
      this.wanted.set(login, channel);
      if (this.client?.isConnected) void this.join(this.client, login);
      else this.setState(login, 'joining', null);
    }
  }

  /** Leaves and joins one channel again (an admin's "rejoin"). */
  rejoin(login: string): void {
    if (!this.wanted.has(login) || !this.client) return;
    this.cancelRetry(login);
    if (this.client.isConnected) {
      this.client.part(login);
      this.setState(login, 'joining', null);
      void this.join(this.client, login);
    }
  }

  connectionOf(login: string): ChannelConnection {
    return (
      this.states.get(login) ?? {
        state: 'parted',
        detail: null,
        since: new Date().toISOString(),
        readingAs: this.readingAs,
      }
    );
  }

  stop(): void {
    this.stopped = true;
    for (const login of [...this.retries.keys()]) this.cancelRetry(login);
    for (const client of this.clients()) client.quit();
    this.retiring.clear();
    this.client = null;
  }

  private clients(): ChatClient[] {
    return [...(this.client ? [this.client] : []), ...this.retiring];
  }

  private connect(): ChatClient {
    const client = new ChatClient(this.clientOptions());
    client.irc.onAnyMessage((message: Message) => this.receive(client, message));
    client.onAuthenticationSuccess(() => this.joinAll(client));
    client.onAuthenticationFailure((text) => {
      if (client !== this.client) return;
      for (const login of this.wanted.keys())
        this.setState(
          login,
          'failed',
          `Twitch refused to log in as ${this.readingAs ?? 'an anonymous viewer'} (${text}). Reconnect that account on the Connected accounts page.`,
        );
    });
    client.onDisconnect((manually, reason) => {
      if (this.retiring.has(client)) {
        // The server closed a connection that is being replaced: no reconnect for it.
        this.retire(client);
        return;
      }
      if (client !== this.client || manually || this.stopped) return;
      const why = reason ? scrubSecrets(reason.message) : 'closed by the server';
      this.options.log.warn(`Chat connection lost (${why}); reconnecting`);
      for (const login of this.wanted.keys())
        this.setState(
          login,
          'reconnecting',
          `The chat connection was lost (${why}); reconnecting.`,
        );
    });
    client.connect();
    return client;
  }

  private clientOptions(): ChatClientOptions {
    const { server, log } = this.options;
    return {
      ...(this.identity ? { authProvider: this.identity.authProvider } : {}),
      readOnly: true,
      rejoinChannelsOnReconnect: false,
      ...(server.kind === 'plain-tcp'
        ? { hostName: server.hostName, webSocket: false, ssl: false }
        : {}),
      logger: {
        // twurple's debug and trace lines echo the wire, PASS oauth:<token> included: never
        // forwarded. What is forwarded is scrubbed, since a message may quote a request.
        custom: (level: number, message: string) => {
          if (level > TWURPLE_INFO) return;
          const text = `twurple: ${scrubSecrets(message).replace(/oauth:\S+/g, 'oauth:[redacted]')}`;
          if (level <= TWURPLE_WARNING) log.warn(text);
          else log.debug(text);
        },
      },
    };
  }

  private receive(client: ChatClient, message: Message): void {
    const raw = message.rawLine;
    if (raw === undefined) return;
    if (message.command === 'RECONNECT') {
      if (client === this.client) {
        this.options.log.info('Twitch asked chat to reconnect: handing over to a new connection');
        this.handOver();
      }
      return;
    }
    this.options.onLine({
      command: message.command,
      params: message.rawParamValues,
      tags: message.tags,
      raw,
    });
  }

  /** A new connection joins everything; the old one keeps reading until then. */
  private handOver(): void {
    if (this.stopped) return;
    const old = this.client;
    const next = this.connect();
    this.client = next;
    if (!old) return;
    this.retiring.add(old);
    const timeout = setTimeout(() => this.retire(old), this.handoverTimeout);
    timeout.unref();
    const joined = () => [...this.wanted.keys()].every((login) => this.isJoinedOn(next, login));
    const check = setInterval(() => {
      if (!this.retiring.has(old)) return clearInterval(check);
      if (!joined()) return;
      clearInterval(check);
      clearTimeout(timeout);
      this.retire(old);
    }, 50);
    check.unref();
  }

  private get handoverTimeout(): number {
    return this.options.handoverTimeoutMs ?? DEFAULT_HANDOVER_TIMEOUT_MS;
  }

  private retire(client: ChatClient): void {
    if (!this.retiring.delete(client)) return;
    client.quit();
  }

  private isJoinedOn(client: ChatClient, login: string): boolean {
    return client.currentChannels.includes(`#${login}`);
  }

  private joinAll(client: ChatClient): void {
    for (const login of this.wanted.keys()) void this.join(client, login);
  }

  private async join(client: ChatClient, login: string): Promise<void> {
    // During a handover the old connection still reads: the channel stays "joined".
    if (this.states.get(login)?.state !== 'joined') this.setState(login, 'joining', null);
    try {
      await client.join(login);
      if (client !== this.client || !this.wanted.has(login)) return;
      this.cancelRetry(login);
      this.setState(login, 'joined', null);
    } catch (error) {
      if (client !== this.client || !this.wanted.has(login) || this.stopped) return;
      const detail = joinFailure(error, login, this.readingAs);
      this.options.log.warn(`Joining #${login} failed: ${detail}`);
      this.setState(login, 'failed', detail);
      this.scheduleRetry(login);
    }
  }

  private scheduleRetry(login: string): void {
    const delays = this.options.joinRetryDelaysMs ?? DEFAULT_JOIN_RETRY_DELAYS_MS;
    const attempt = (this.retries.get(login)?.attempt ?? -1) + 1;
    this.cancelRetry(login);
    const delay = delays[Math.min(attempt, delays.length - 1)] ?? 60_000;
    const timer = setTimeout(() => {
      if (this.client?.isConnected) void this.join(this.client, login);
    }, delay);
    timer.unref();
    this.retries.set(login, { timer, attempt });
  }

  private cancelRetry(login: string): void {
    const retry = this.retries.get(login);
    if (retry) clearTimeout(retry.timer);
    this.retries.delete(login);
  }

  private setState(login: string, state: ChannelChatState, detail: string | null): void {
    const previous = this.states.get(login);
    if (
      previous?.state === state &&
      previous.detail === detail &&
      previous.readingAs === this.readingAs
    )
      return;
    const connection: ChannelConnection = {
      state,
      detail,
      since: new Date().toISOString(),
      readingAs: this.readingAs,
    };
    if (state === 'parted') this.states.delete(login);
    else this.states.set(login, connection);
    this.options.onStateChange(login, connection);
  }
}

/** twurple rejects a join with Twitch's NOTICE id, or an Error when no ROOMSTATE came in time. */
function joinFailure(error: unknown, login: string, readingAs: string | null): string {
  const reason = error instanceof Error ? error.message : String(error);
  if (reason.includes('msg_banned'))
    return `Twitch says ${readingAs ?? 'the anonymous reader'} is banned from #${login}. Unban it, or connect another account to read chat with.`;
  if (reason.includes('msg_channel_suspended'))
    return `#${login} does not exist on Twitch or is suspended.`;
  if (/in time/i.test(reason)) return `Twitch did not confirm joining #${login} in time; retrying.`;
  return `Twitch refused to join #${login} (${scrubSecrets(reason)}); retrying.`;
}
