import { type ChatMessageHappening } from '../twitch/happenings.js';

/** The latest chat messages by id, so that a client's reply can name its parent. */
export class RecentMessages {
  private readonly byId = new Map<string, ChatMessageHappening>();

  constructor(private readonly capacity = 10_000) {}

  remember(message: ChatMessageHappening): void {
    this.byId.set(message.id, message);
    if (this.byId.size > this.capacity) {
      const oldest = this.byId.keys().next();
      if (oldest.done !== true) this.byId.delete(oldest.value);
    }
  }

  find(id: string): ChatMessageHappening | undefined {
    return this.byId.get(id);
  }
}
