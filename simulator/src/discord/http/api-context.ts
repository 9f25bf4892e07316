import { type DiscordWorld } from '../discord-world.js';
import { type MessageComposer } from '../messages/message-composer.js';
import { type RateLimiter } from '../rate-limiter.js';

/** What the API routes share. */
export interface ApiContext {
  world: DiscordWorld;
  limiter: RateLimiter;
  composer: MessageComposer;
}
