import { describe, expect, it } from 'vitest';
import { type Happening } from '../twitch/happenings.js';
import { HappeningFactory } from '../twitch/happening-factory.js';
import { applyToWorld } from '../twitch/world-effects.js';
import { ManualClock } from '../world/clock.js';
import { populate } from '../world/population.js';
import { SeededRandom } from '../world/random.js';
import { TwitchWorld } from '../world/twitch-world.js';
import {
  exclusiveMix,
  TrafficGenerator,
  type TrafficGeneratorOptions,
} from './traffic-generator.js';

function generatorWith(seed: number, options: Partial<TrafficGeneratorOptions> = {}) {
  const world = new TwitchWorld(
    new SeededRandom(seed),
    new ManualClock(Date.UTC(2026, 10, 22, 10)),
  );
  const population = populate(world, { channels: 3, chatters: 50 });
  const seen: Happening[] = [];
  const sut = new TrafficGenerator(
    world,
    new HappeningFactory(world),
    population,
    {
      happen: (happening) => {
        applyToWorld(happening, world);
        seen.push(happening);
      },
    },
    { rate: 1000, ...options },
  );
  return { sut, seen, world, population };
}

/** What makes a happening itself, without object identity. */
const fingerprint = (happening: Happening) => JSON.stringify(happening);

describe(TrafficGenerator.name, () => {
  it('produces the same sequence for the same seed', () => {
    const first = generatorWith(7);
    const second = generatorWith(7);

    first.sut.generate(2_000);
    second.sut.generate(2_000);

    expect(second.seen.map(fingerprint)).toEqual(first.seen.map(fingerprint));
  });

  it('produces a different sequence for another seed', () => {
    const first = generatorWith(7);
    const other = generatorWith(8);

    first.sut.generate(100);
    other.sut.generate(100);

    expect(other.seen.map(fingerprint)).not.toEqual(first.seen.map(fingerprint));
  });

  it('is mostly chat, with every kind of the mix showing up over a long run', () => {
    const { sut } = generatorWith(3);

    sut.generate(50_000);

    const { byKind, total } = sut.stats();
    expect(total).toBe(50_000);
    expect(byKind['chat.message']! / total).toBeGreaterThan(0.85);
    for (const kind of [
      'chat.message_delete',
      'moderation.ban',
      'moderation.unban',
      'chat.clear',
      'subscription',
      'gift',
      'raid',
      'follow',
      'redemption',
      'poll.begin',
      'poll.end',
      'prediction.begin',
      'prediction.end',
      'hype_train.begin',
      'hype_train.end',
      'shoutout',
      'announcement',
      'stream.online',
      'stream.offline',
    ] as const) {
      expect(byKind[kind], kind).toBeGreaterThan(0);
    }
  });

  it('follows a custom mix', () => {
    const { sut, seen } = generatorWith(3, {
      mix: exclusiveMix({ follow: 1 }),
    });

    sut.generate(100);

    expect(new Set(seen.map((happening) => happening.kind))).toEqual(new Set(['follow']));
  });

  it('brings every channel online first when asked to start live', () => {
    const { sut, seen, population } = generatorWith(3, { startLive: true });

    sut.generate(population.channels.length);

    expect(seen.map((happening) => happening.kind)).toEqual(
      population.channels.map(() => 'stream.online'),
    );
    expect(population.channels.every((channel) => channel.stream !== null)).toBe(true);
  });

  it('ends what it begins: every poll, prediction and hype train that began also ends', () => {
    const { sut, seen } = generatorWith(11, {
      mix: { poll: 100, prediction: 100, hypeTrain: 100 },
    });

    sut.generate(5_000);

    for (const kind of ['poll', 'prediction', 'hype_train'] as const) {
      const begun = seen
        .filter((h) => h.kind === `${kind}.begin`)
        .map((h) => (h as { id: string }).id);
      const ended = seen
        .filter((h) => h.kind === `${kind}.end`)
        .map((h) => (h as { id: string }).id);
      expect(begun.length).toBeGreaterThan(0);
      expect(ended.every((id) => begun.includes(id))).toBe(true);
      expect(begun.length - ended.length).toBeLessThan(begun.length);
    }
  });

  it('replies to and deletes messages that were really sent', () => {
    const { sut, seen } = generatorWith(5, { mix: { reply: 200, delete: 200 } });

    sut.generate(3_000);

    const sent = new Set(seen.flatMap((h) => (h.kind === 'chat.message' ? [h.id] : [])));
    const replies = seen.flatMap((h) =>
      h.kind === 'chat.message' && h.reply ? [h.reply.parentId] : [],
    );
    const deletes = seen.flatMap((h) => (h.kind === 'chat.message_delete' ? [h.messageId] : []));
    expect(replies.length).toBeGreaterThan(0);
    expect(deletes.length).toBeGreaterThan(0);
    expect([...replies, ...deletes].every((id) => sent.has(id))).toBe(true);
  });
});
