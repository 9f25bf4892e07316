import { ChannelsService } from '../channels/channels.service.js';

/**
 * Runs work with Integron's id of a channel that events name by its Twitch id: at once when the
 * channel is cached and nothing waits, else after what waits, so work runs in the order asked.
 */
export class InChannelOrder {
  private backlog: Promise<void> | null = null;

  constructor(
    private readonly channels: ChannelsService,
    private readonly onError: (error: unknown) => void,
  ) {}

  run(twitchId: string, work: (channelId: string) => void): void {
    const cached = this.backlog ? undefined : this.channels.cachedBrief(twitchId);
    if (cached) return work(cached.id);
    const next = (this.backlog ?? Promise.resolve())
      .then(() => this.channels.brief(twitchId))
      .then((brief) => brief && work(brief.id))
      .catch(this.onError)
      .finally(() => {
        if (this.backlog === next) this.backlog = null;
      });
    this.backlog = next;
  }
}
