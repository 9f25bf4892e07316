import { type ChatMessageHappening, type Happening } from '../twitch/happenings.js';
import { type HappeningFactory } from '../twitch/happening-factory.js';
import { type Population } from '../world/population.js';
import { WeightedChoice } from '../world/random.js';
import { type SimChannel, type SimUser, type TwitchWorld } from '../world/twitch-world.js';
import { chatText, emoteSpam } from './chat-text.js';

/** Relative weights of what the generator makes happen; chat dominates, as on Twitch. */
export const DEFAULT_MIX = {
  chat: 860,
  emotes: 40,
  action: 10,
  reply: 25,
  cheer: 8,
  delete: 8,
  timeout: 5,
  ban: 2,
  unban: 1,
  clear: 0.2,
  sub: 6,
  resub: 8,
  gift: 3,
  giftBomb: 1,
  raid: 0.5,
  follow: 12,
  redemption: 5,
  poll: 0.3,
  prediction: 0.3,
  hypeTrain: 0.2,
  shoutout: 0.3,
  announcement: 0.5,
  streamFlap: 0.2,
} as const satisfies Record<string, number>;

export type TrafficKind = keyof typeof DEFAULT_MIX;
export type TrafficMix = Record<TrafficKind, number>;

/** A mix of exactly these kinds, e.g. `exclusiveMix({ chat: 1 })` for chat lines only. */
export function exclusiveMix(weights: Partial<TrafficMix>): TrafficMix {
  const mix = Object.fromEntries(Object.keys(DEFAULT_MIX).map((kind) => [kind, 0])) as TrafficMix;
  return Object.assign(mix, weights);
}

export interface TrafficGeneratorOptions {
  /** Happenings per second while running; most of them chat lines. */
  rate: number;
  mix?: Partial<TrafficMix>;
  /** Bring every channel online before anything else (demo mode wants live channels). */
  startLive?: boolean;
}

export interface HappeningSink {
  happen(happening: Happening): unknown;
}

export interface TrafficStats {
  total: number;
  byKind: Partial<Record<Happening['kind'], number>>;
  /** Achieved happenings per second since start(). */
  ratePerSecond: number;
}

const TICK_MS = 10;
const RECENT_MESSAGES = 64;
const REWARDS = [
  {
    id: 'b3f2a8c6-1d1e-4a31-9a0e-7d1f7b2e0c11',
    title: 'Hydrate!',
    cost: 100,
    prompt: 'Make the streamer drink water',
  },
  {
    id: 'c9d1e2f3-4a5b-4c6d-8e7f-901a2b3c4d5e',
    title: 'Song request',
    cost: 500,
    prompt: 'Name a song',
  },
  {
    id: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70',
    title: 'Highlight my message',
    cost: 250,
    prompt: '',
  },
];

/**
 * Seeded, reproducible traffic: the same seed and mix give the same sequence of happenings, at
 * whatever rate they are asked for. Multi-part events (polls, predictions, hype trains) end a
 * fixed number of happenings after they begin, so timing never changes the sequence.
 */
export class TrafficGenerator {
  private readonly mix: WeightedChoice<TrafficKind>;
  private readonly recent = new Map<string, ChatMessageHappening[]>();
  private readonly banned = new Map<string, SimUser[]>();
  private readonly pending: { dueAt: number; happening: () => Happening }[] = [];
  private readonly counts: Partial<Record<Happening['kind'], number>> = {};
  private produced = 0;
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private stoppedAt: number | undefined;
  private producedAtStart = 0;
  private startedLive = false;

  constructor(
    private readonly world: TwitchWorld,
    private readonly events: HappeningFactory,
    private readonly population: Population,
    private readonly sink: HappeningSink,
    private readonly options: TrafficGeneratorOptions,
  ) {
    this.mix = new WeightedChoice<TrafficKind>({ ...DEFAULT_MIX, ...options.mix });
    if (population.channels.length === 0 || population.chatters.length < 2) {
      throw new Error('Traffic needs at least one channel and two chatters');
    }
  }

  /** Produces the next `count` happenings now, as fast as the sink takes them. */
  generate(count: number): void {
    for (let i = 0; i < count; i++) this.emit(this.next());
  }

  /** Produces happenings at `options.rate` per second until stop(). */
  start(): void {
    if (this.timer) return;
    this.startedAt = performance.now();
    this.stoppedAt = undefined;
    this.producedAtStart = this.produced;
    this.timer = setInterval(() => {
      const due = Math.floor(((performance.now() - this.startedAt) / 1000) * this.options.rate);
      const behind = due - (this.produced - this.producedAtStart);
      // Bounded per tick, so a rate beyond the machine degrades smoothly instead of starving I/O.
      this.generate(Math.min(behind, Math.ceil(this.options.rate / 20) + 1));
    }, TICK_MS);
  }

  stop(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.stoppedAt = performance.now();
  }

  stats(): TrafficStats {
    const seconds = ((this.stoppedAt ?? performance.now()) - this.startedAt) / 1000;
    return {
      total: this.produced,
      byKind: { ...this.counts },
      ratePerSecond:
        this.startedAt > 0 && seconds > 0 ? (this.produced - this.producedAtStart) / seconds : 0,
    };
  }

  /** The next happening of the sequence. */
  next(): Happening {
    if (this.options.startLive && !this.startedLive) {
      const offline = this.population.channels.find((channel) => !channel.stream);
      if (offline) return this.events.streamOnline(offline.broadcaster);
      this.startedLive = true;
    }
    const due = this.pending.findIndex((entry) => entry.dueAt <= this.produced);
    if (due >= 0) return this.pending.splice(due, 1)[0]!.happening();
    return this.make(
      this.mix.pick(this.world.random),
      this.world.random.pick(this.population.channels),
    );
  }

  private emit(happening: Happening): void {
    this.produced++;
    this.counts[happening.kind] = (this.counts[happening.kind] ?? 0) + 1;
    if (happening.kind === 'chat.message') this.remember(happening);
    this.sink.happen(happening);
  }

  private make(kind: TrafficKind, channel: SimChannel): Happening {
    const random = this.world.random;
    const events = this.events;
    const broadcaster = channel.broadcaster;
    const user = this.chatter();
    switch (kind) {
      case 'chat': {
        const { text, emotes } = chatText(
          random,
          random.chance(0.05) ? this.chatter().displayName : undefined,
        );
        return events.chatMessage(broadcaster, user, text, {
          emotes,
          firstMessage: random.chance(0.01),
          returningChatter: random.chance(0.02),
        });
      }
      case 'emotes': {
        const spam = emoteSpam(random);
        return events.chatMessage(broadcaster, user, spam.text, { emotes: spam.emotes });
      }
      case 'action':
        return events.chatMessage(broadcaster, user, chatText(random).text, { action: true });
      case 'reply': {
        const parent = this.recentIn(channel);
        return parent
          ? events.reply(parent, user, chatText(random).text)
          : this.make('chat', channel);
      }
      case 'cheer': {
        const bits = random.pick([1, 50, 100, 100, 500, 1000, 5000]);
        return events.chatMessage(broadcaster, user, `Cheer${bits} ${chatText(random).text}`, {
          bits,
        });
      }
      case 'delete': {
        const message = this.recentIn(channel);
        return message
          ? events.deleteMessage(message, this.moderator(channel))
          : this.make('chat', channel);
      }
      case 'timeout':
        return events.timeout(
          broadcaster,
          user,
          this.moderator(channel),
          random.pick([10, 60, 600, 86_400]),
          random.pick(['', 'spam', 'caps']),
        );
      case 'ban':
        this.bannedIn(channel).push(user);
        return events.ban(
          broadcaster,
          user,
          this.moderator(channel),
          random.pick(['', 'hate speech', 'bot account']),
        );
      case 'unban': {
        const banned = this.bannedIn(channel).shift();
        return banned
          ? events.unban(broadcaster, banned, this.moderator(channel))
          : this.make('chat', channel);
      }
      case 'clear':
        return events.clearChat(broadcaster, this.moderator(channel));
      case 'sub':
        return events.subscription(broadcaster, user, {
          tier: random.weighted({ '1000': 90, '2000': 7, '3000': 3 }),
          isPrime: random.chance(0.3),
        });
      case 'resub': {
        const months = random.int(2, 60);
        return events.subscription(broadcaster, user, {
          tier: random.weighted({ '1000': 90, '2000': 7, '3000': 3 }),
          isPrime: random.chance(0.2),
          cumulativeMonths: months,
          streakMonths: random.chance(0.7) ? random.int(1, months) : null,
          message: random.chance(0.6) ? chatText(random) : null,
        });
      }
      case 'gift':
        return events.gift(broadcaster, random.chance(0.1) ? null : user, [this.chatter(user)]);
      case 'giftBomb': {
        const recipients = Array.from({ length: random.pick([5, 5, 10, 20, 50]) }, () =>
          this.chatter(user),
        );
        return events.gift(
          broadcaster,
          random.chance(0.1) ? null : user,
          recipients,
          random.weighted({ '1000': 95, '2000': 3, '3000': 2 }),
          { mystery: true },
        );
      }
      case 'raid': {
        const from =
          this.population.channels.find((other) => other !== channel)?.broadcaster ??
          this.chatter();
        return events.raid(broadcaster, from, random.int(3, 2_000));
      }
      case 'follow':
        return events.follow(broadcaster, user);
      case 'redemption': {
        const reward = random.pick(REWARDS);
        return events.redemption(
          broadcaster,
          user,
          reward,
          reward.prompt ? chatText(random).text : '',
        );
      }
      case 'poll': {
        const poll = events.pollBegin(broadcaster, 'What next?', [
          'Boss fight',
          'Side quest',
          'Just chatting',
        ]);
        this.later(200, () =>
          events.pollEnd(
            poll,
            poll.choices.map(() => random.int(0, 300)),
          ),
        );
        return poll;
      }
      case 'prediction': {
        const prediction = events.predictionBegin(broadcaster, 'Do we win this round?', [
          'Yes',
          'No',
        ]);
        const bet = () => ({ user: this.chatter(), points: random.int(10, 5_000) });
        this.later(300, () =>
          events.predictionEnd(prediction, random.int(0, 1), [
            Array.from({ length: random.int(1, 6) }, bet),
            Array.from({ length: random.int(1, 6) }, bet),
          ]),
        );
        return prediction;
      }
      case 'hypeTrain': {
        const train = events.hypeTrainBegin(broadcaster, [
          { user, type: 'bits', total: random.int(100, 2_000) },
          { user: this.chatter(user), type: 'subscription', total: 500 },
        ]);
        this.later(400, () =>
          events.hypeTrainEnd(train, random.int(1, 5), random.int(2_000, 20_000)),
        );
        return train;
      }
      case 'shoutout': {
        const to = this.population.channels.find((other) => other !== channel)?.broadcaster ?? user;
        return events.shoutout(broadcaster, this.moderator(channel), to, random.int(10, 5_000));
      }
      case 'announcement':
        return events.announcement(
          broadcaster,
          this.moderator(channel),
          chatText(random).text,
          random.pick(['PRIMARY', 'BLUE', 'GREEN', 'ORANGE', 'PURPLE'] as const),
        );
      case 'streamFlap':
        return channel.stream
          ? events.streamOffline(broadcaster)
          : events.streamOnline(broadcaster);
      default: {
        const unhandled: never = kind;
        throw new Error(`Unknown traffic kind ${String(unhandled)}`);
      }
    }
  }

  /** Mostly the same few regulars, as in a real chat: a skewed pick. */
  private chatter(not?: SimUser): SimUser {
    const chatters = this.population.chatters;
    const index = Math.floor(chatters.length * this.world.random.next() ** 2);
    const chatter = chatters[index]!;
    return chatter === not ? chatters[(index + 1) % chatters.length]! : chatter;
  }

  private moderator(channel: SimChannel): SimUser {
    const moderators = [...channel.moderators].map((id) => this.world.users.get(id)!);
    return this.world.random.chance(0.3) || moderators.length === 0
      ? channel.broadcaster
      : this.world.random.pick(moderators);
  }

  private remember(message: ChatMessageHappening): void {
    const list = this.recent.get(message.channel.id) ?? [];
    list.push(message);
    if (list.length > RECENT_MESSAGES) list.shift();
    this.recent.set(message.channel.id, list);
  }

  private recentIn(channel: SimChannel): ChatMessageHappening | undefined {
    const list = this.recent.get(channel.broadcaster.id);
    return list?.length ? this.world.random.pick(list) : undefined;
  }

  private bannedIn(channel: SimChannel): SimUser[] {
    const list = this.banned.get(channel.broadcaster.id) ?? [];
    this.banned.set(channel.broadcaster.id, list);
    return list;
  }

  private later(afterHappenings: number, happening: () => Happening): void {
    this.pending.push({ dueAt: this.produced + afterHappenings, happening });
  }
}
