import {
  type OverlayChatMessage,
  type OverlayChatRemoval,
  type OverlayItem,
  removesChatMessage,
  type StreamEvent,
} from '@integron/contracts';

interface Kept {
  /** Arrival order across both kinds, to interleave a replay as things happened. */
  seq: number;
  item: OverlayItem;
}

/** One channel's last stream events and chat lines, each kind its own ring of `capacity`. */
interface ChannelRecent {
  events: Kept[];
  chat: Kept[];
}

/**
 * What each channel's overlays showed lately, for sockets that ask for a replay on connect. In
 * memory only: a restart forgets it, which a replay's reader must expect anyway.
 */
export class RecentOverlayItems {
  private readonly channels = new Map<string, ChannelRecent>();
  private seq = 0;

  constructor(private readonly capacity: number) {}

  addEvent(channelId: string, event: StreamEvent): void {
    this.keep(this.of(channelId).events, { kind: 'stream-event', event });
  }

  addChat(channelId: string, message: OverlayChatMessage): void {
    this.keep(this.of(channelId).chat, { kind: 'chat-message', message });
  }

  remove(channelId: string, removal: OverlayChatRemoval): void {
    const recent = this.channels.get(channelId);
    if (!recent) return;
    recent.chat = recent.chat.filter(
      ({ item }) => item.kind !== 'chat-message' || !removesChatMessage(removal, item.message),
    );
  }

  /** The last `count` stream events and last `count` chat lines, oldest first. */
  last(channelId: string, count: number): OverlayItem[] {
    const recent = this.channels.get(channelId);
    if (!recent || count <= 0) return [];
    return [...recent.events.slice(-count), ...recent.chat.slice(-count)]
      .sort((a, b) => a.seq - b.seq)
      .map(({ item }) => item);
  }

  private of(channelId: string): ChannelRecent {
    let recent = this.channels.get(channelId);
    if (!recent) this.channels.set(channelId, (recent = { events: [], chat: [] }));
    return recent;
  }

  private keep(ring: Kept[], item: OverlayItem): void {
    ring.push({ seq: this.seq++, item });
    if (ring.length > this.capacity) ring.shift();
  }
}
