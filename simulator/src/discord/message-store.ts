import { type APIMessage } from 'discord-api-types/v10';

/** The messages of every channel, oldest first. */
export class MessageStore {
  private readonly byChannel = new Map<string, Map<string, APIMessage>>();

  list(channelId: string): APIMessage[] {
    return [...(this.byChannel.get(channelId)?.values() ?? [])];
  }

  get(channelId: string, messageId: string): APIMessage | undefined {
    return this.byChannel.get(channelId)?.get(messageId);
  }

  /** Adds a message, or replaces the one with its id. */
  save(message: APIMessage): void {
    let channel = this.byChannel.get(message.channel_id);
    if (!channel) {
      channel = new Map();
      this.byChannel.set(message.channel_id, channel);
    }
    channel.set(message.id, message);
  }

  delete(message: APIMessage): void {
    this.byChannel.get(message.channel_id)?.delete(message.id);
  }
}
