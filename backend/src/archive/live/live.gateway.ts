import {
  type ChannelBrief,
  CHAT_EVENT_TYPES,
  LIVE_MAX_CHANNELS,
  LIVE_NAMESPACE,
  LIVE_SIGN_IN_REQUIRED,
  type LiveAck,
  type LiveClientToServerEvents,
  type LiveServerToClientEvents,
  type SessionMember,
} from '@integron/contracts';
import { Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  WebSocketGateway,
} from '@nestjs/websockets';
import { type Subscription } from 'rxjs';
import { type Namespace, type Socket } from 'socket.io';
import { SocketSessions } from '../../auth/session/socket-sessions.js';
import { EventBus } from '../../bus/event-bus.js';
import { ChannelsService } from '../../channels/channels.service.js';
import { TwitchChat } from '../../twitch/chat/twitch-chat.service.js';
import { type LiveItem, liveItemsOf } from './live-lines.js';
import { RecentNames } from './recent-names.js';
import { parseSubscription } from './live-subscription.js';

interface LiveSocketData {
  member: SessionMember;
  /** Integron channel ids, or `all`; `null` until the socket subscribes. */
  channels: ReadonlySet<string> | 'all' | null;
  dropped: number;
  subscribeCalls: number[];
}

type LiveSocket = Socket<
  LiveClientToServerEvents,
  LiveServerToClientEvents,
  Record<string, never>,
  LiveSocketData
>;
type LiveNamespace = Namespace<
  LiveClientToServerEvents,
  LiveServerToClientEvents,
  Record<string, never>,
  LiveSocketData
>;

/** Packets waiting for one socket beyond which it is skipped (and told how much it missed). */
const SLOW_SOCKET_PACKETS = 500;
const MAX_SOCKETS_PER_MEMBER = 10;
const SUBSCRIBES_PER_MINUTE = 30;
const DROPPED_REPORT_EVERY_MS = 1_000;
/** Chatters whose display names the feed remembers for moderation lines. */
const RECENT_NAMES = 20_000;

/**
 * The admin's live feed: every chat line, mod action and deletion of the channels a signed-in
 * member follows, straight from the bus (not from Postgres). A socket that cannot keep up is
 * skipped instead of buffered, so a slow browser never slows ingest or the others.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway
  implements
    OnGatewayInit<LiveNamespace>,
    OnGatewayConnection<LiveSocket>,
    OnGatewayDisconnect<LiveSocket>,
    OnModuleDestroy
{
  private readonly logger = new Logger('LiveFeed');
  private readonly sockets = new Set<LiveSocket>();
  private readonly names = new RecentNames(RECENT_NAMES);
  private unsubscribe: (() => void) | undefined;
  private states: Subscription | undefined;
  private dropReports: NodeJS.Timeout | undefined;
  private backlog: Promise<void> | null = null;

  constructor(
    private readonly sessions: SocketSessions,
    private readonly bus: EventBus,
    private readonly channels: ChannelsService,
    private readonly chat: TwitchChat,
  ) {}

  afterInit(namespace: LiveNamespace): void {
    namespace.use((socket, next) => {
      void this.sessions.member(socket).then(
        (member) => {
          if (!member) return next(new Error(LIVE_SIGN_IN_REQUIRED));
          socket.data.member = member;
          socket.data.channels = null;
          socket.data.dropped = 0;
          socket.data.subscribeCalls = [];
          next();
        },
        () => next(new Error(LIVE_SIGN_IN_REQUIRED)),
      );
    });
    this.unsubscribe = this.bus.on(CHAT_EVENT_TYPES, (event) => {
      if (this.sockets.size === 0) return;
      this.inOrder(event.channel.id, (brief) => {
        for (const item of liveItemsOf(event, brief, this.names)) this.send(brief.id, item);
      });
    });
    this.states = this.chat.stateChanges$.subscribe(({ channel, connection }) => {
      this.inOrder(channel.id, (brief) =>
        this.send(brief.id, { event: 'channel_state', data: { channelId: brief.id, connection } }),
      );
    });
    this.dropReports = setInterval(() => this.reportDrops(), DROPPED_REPORT_EVERY_MS);
    this.dropReports.unref();
  }

  handleConnection(socket: LiveSocket): void {
    const mine = [...this.sockets].filter(
      (other) => other.data.member.id === socket.data.member.id,
    );
    if (mine.length >= MAX_SOCKETS_PER_MEMBER) mine[0]?.disconnect(true);
    this.sockets.add(socket);
    socket.on('subscribe', (subscription: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      (ack as (answer: LiveAck) => void)(this.subscribe(socket, subscription));
    });
  }

  handleDisconnect(socket: LiveSocket): void {
    this.sockets.delete(socket);
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    this.states?.unsubscribe();
    clearInterval(this.dropReports);
  }

  /**
   * Runs `show` with the channel's brief: at once when it is cached and nothing waits, else after
   * what waits, so that lines are sent in the order they happened.
   */
  private inOrder(twitchId: string, show: (brief: ChannelBrief) => void): void {
    const cached = this.backlog ? undefined : this.channels.cachedBrief(twitchId);
    if (cached) return show(cached);
    const next = (this.backlog ?? Promise.resolve())
      .then(() => this.channels.brief(twitchId))
      .then((brief) => brief && show(brief))
      .catch((error: unknown) => this.logger.warn(`A live line was not sent: ${String(error)}`))
      .finally(() => {
        if (this.backlog === next) this.backlog = null;
      });
    this.backlog = next;
  }

  private subscribe(socket: LiveSocket, subscription: unknown): LiveAck {
    const now = Date.now();
    const calls = socket.data.subscribeCalls.filter((at) => now - at < 60_000);
    socket.data.subscribeCalls = [...calls, now];
    if (calls.length >= SUBSCRIBES_PER_MINUTE)
      return { ok: false, error: 'Too many subscription changes; wait a minute.' };
    const parsed = parseSubscription(subscription, LIVE_MAX_CHANNELS);
    if (!parsed.ok) return parsed;
    socket.data.channels = parsed.channelIds === 'all' ? 'all' : new Set(parsed.channelIds);
    return parsed;
  }

  /** One socket at a time: a full one is skipped and told later how many it missed. */
  private send(
    channelId: string,
    item: LiveItem | { event: 'channel_state'; data: unknown },
  ): void {
    for (const socket of this.sockets) {
      const wanted = socket.data.channels;
      if (wanted === null || (wanted !== 'all' && !wanted.has(channelId))) continue;
      if (pendingPackets(socket) > SLOW_SOCKET_PACKETS) {
        socket.data.dropped++;
        continue;
      }
      (socket.emit as (event: string, data: unknown) => boolean)(item.event, item.data);
    }
  }

  private reportDrops(): void {
    for (const socket of this.sockets) {
      if (socket.data.dropped === 0 || pendingPackets(socket) > SLOW_SOCKET_PACKETS) continue;
      socket.emit('dropped', socket.data.dropped);
      this.logger.debug(`Skipped ${socket.data.dropped} live lines for a slow socket`);
      socket.data.dropped = 0;
    }
  }
}

/**
 * Packets engine.io holds for a socket that its transport has not taken yet: the one measure of a
 * slow reader it has (public in engine.io's code, private in its typings).
 */
function pendingPackets(socket: LiveSocket): number {
  return (socket.conn as unknown as { writeBuffer: unknown[] }).writeBuffer.length;
}
