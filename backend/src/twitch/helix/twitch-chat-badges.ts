import { type Channel, type OverlayBadgeImages } from '@integron/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { ApiClient, type HelixChatBadgeSet } from '@twurple/api';
import { AppTokenAuthProvider } from '@twurple/auth';
import { TwitchIdentity } from '../twitch-identity.js';
import { describeTwitchError } from '../twitch-errors.js';
import { CachedLookup } from './cached-lookup.js';

/** Badge images by set and version: `images.subscriber['3012'].url1x`. */
export type ChatBadgeImages = OverlayBadgeImages['badges'];

const FRESH_FOR_MS = 60 * 60_000;
const RETRY_AFTER_MS = 60_000;

/**
 * The badge images chat shows in a channel, from Helix as Integron's application: Twitch's
 * global badges, and the channel's own subscriber and bits badges over them. Kept an hour; when
 * Twitch fails, the last images (or none) stand and Twitch is asked again a minute later.
 */
@Injectable()
export class TwitchChatBadges {
  private readonly logger = new Logger(TwitchChatBadges.name);
  private readonly api: ApiClient;
  private readonly global: CachedLookup<ChatBadgeImages>;
  private readonly channels = new Map<string, CachedLookup<ChatBadgeImages>>();

  constructor(identity: TwitchIdentity) {
    this.api = new ApiClient({
      authProvider: new AppTokenAuthProvider(identity.clientId, identity.clientSecret),
    });
    this.global = this.cached('Twitch’s global chat badges', () => this.api.chat.getGlobalBadges());
  }

  /** Never rejects: what Twitch could not be asked for is left out. */
  async ofChannel(channel: Pick<Channel, 'twitchId' | 'login'>): Promise<ChatBadgeImages> {
    const [global, own] = await Promise.all([this.global.get(), this.ofOwn(channel).get()]);
    return overlaid(global ?? {}, own ?? {});
  }

  private ofOwn({ twitchId, login }: Pick<Channel, 'twitchId' | 'login'>) {
    let lookup = this.channels.get(twitchId);
    if (!lookup) {
      lookup = this.cached(`the chat badges of ${login} (${twitchId})`, () =>
        this.api.chat.getChannelBadges(twitchId),
      );
      this.channels.set(twitchId, lookup);
    }
    return lookup;
  }

  private cached(what: string, fetch: () => Promise<HelixChatBadgeSet[]>) {
    return new CachedLookup<ChatBadgeImages>({
      fetch: async () => imagesOf(await fetch()),
      freshForMs: FRESH_FOR_MS,
      retryAfterMs: RETRY_AFTER_MS,
      onFailure: (error) =>
        this.logger.warn(
          `Getting ${what} from Twitch failed: ${describeTwitchError(error)}. ` +
            `Overlays show what they have without them; trying again in ${RETRY_AFTER_MS / 1000} s.`,
        ),
    });
  }
}

function imagesOf(sets: readonly HelixChatBadgeSet[]): ChatBadgeImages {
  return Object.fromEntries(
    sets.map((set) => [
      set.id,
      Object.fromEntries(
        set.versions.map((version) => [
          version.id,
          {
            url1x: version.getImageUrl(1),
            url2x: version.getImageUrl(2),
            url4x: version.getImageUrl(4),
            title: version.title,
          },
        ]),
      ),
    ]),
  );
}

/** Version by version: a channel with its own `bits/100` still shows Twitch's `bits/5000`. */
function overlaid(global: ChatBadgeImages, own: ChatBadgeImages): ChatBadgeImages {
  const sets = new Set([...Object.keys(global), ...Object.keys(own)]);
  return Object.fromEntries([...sets].map((set) => [set, { ...global[set], ...own[set] }]));
}
