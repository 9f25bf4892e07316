import { HappeningFactory } from '../../../src/twitch/happening-factory.js';
import { type Happening } from '../../../src/twitch/happenings.js';
import { applyToWorld } from '../../../src/twitch/world-effects.js';
import { ManualClock } from '../../../src/world/clock.js';
import { SeededRandom } from '../../../src/world/random.js';
import { type SimChannel, type SimUser, TwitchWorld } from '../../../src/world/twitch-world.js';

export const CLIENT_ID = 'integrontestclient0000000000001';
export const CHAT_SCOPES = ['chat:read', 'chat:edit'];

/**
 * A small, fixed Twitch: one channel and chatters in every role chat shows, the same on every
 * run (seed 42, clock at 2026-11-22T10:00Z), so rendered lines can be pinned byte for byte.
 */
export class ChatWorld {
  readonly clock = new ManualClock(Date.UTC(2026, 10, 22, 10));
  readonly world = new TwitchWorld(new SeededRandom(42), this.clock);
  readonly events = new HappeningFactory(this.world);
  readonly broadcaster: SimUser;
  readonly channel: SimChannel;
  /** Moderator, Tier 3 subscriber of 40 months, 1,500 bits cheered. */
  readonly moderator: SimUser;
  readonly vip: SimUser;
  /** Korean display name, Prime, never chose a colour. */
  readonly primeViewer: SimUser;
  readonly turboViewer: SimUser;
  readonly viewer: SimUser;
  /** The bot account clients log in as. */
  readonly bot: SimUser;

  constructor() {
    const { world } = this;
    this.broadcaster = world.createUser({
      login: 'teamcaptain',
      displayName: 'TeamCaptain',
      broadcasterType: 'partner',
      chatColor: '#9146FF',
    });
    this.channel = world.createChannel(this.broadcaster);
    this.moderator = world.createUser({
      login: 'pixel_wolf',
      displayName: 'Pixel_Wolf',
      chatColor: '#1E90FF',
    });
    this.vip = world.createUser({
      login: 'nightowl',
      displayName: 'NightOwl',
      chatColor: '#FF69B4',
    });
    this.primeViewer = world.createUser({
      login: 'kangdongwon',
      displayName: '강동원',
      hasPrime: true,
    });
    this.turboViewer = world.createUser({
      login: 'velvetbard',
      displayName: 'VelvetBard',
      chatColor: '#00FF7F',
      hasTurbo: true,
    });
    this.viewer = world.createUser({
      login: 'lazy_otter',
      displayName: 'Lazy_Otter',
      chatColor: '#008000',
    });
    this.bot = world.createUser({
      login: 'integron_bot',
      displayName: 'Integron_Bot',
      chatColor: '#2E8B57',
    });

    this.channel.moderators.add(this.moderator.id);
    this.channel.moderators.add(this.bot.id);
    this.channel.vips.add(this.vip.id);
    this.channel.subscriptions.set(this.moderator.id, {
      tier: '3000',
      isPrime: false,
      cumulativeMonths: 40,
      streakMonths: 12,
      gifterId: null,
    });
    this.channel.bits.set(this.moderator.id, 1_500);
  }

  /** What the simulator does with a happening before any transport shows it. */
  happen<H extends Happening>(happening: H): H {
    applyToWorld(happening, this.world);
    return happening;
  }

  tokenFor(user: SimUser, scopes: readonly string[] = CHAT_SCOPES): string {
    return this.world.tokens.issueUserToken(CLIENT_ID, user.id, scopes).accessToken;
  }
}
