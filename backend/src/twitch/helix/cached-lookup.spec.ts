import { describe, expect, it } from 'vitest';
import { CachedLookup } from './cached-lookup.js';

/** A source that answers with the queued outcomes in turn, counting how often it was asked. */
class QueuedSource {
  calls = 0;
  private readonly outcomes: (string | Error)[];

  constructor(...outcomes: (string | Error)[]) {
    this.outcomes = outcomes;
  }

  fetch = (): Promise<string> => {
    this.calls++;
    const outcome = this.outcomes.shift();
    if (outcome === undefined) return Promise.reject(new Error('asked once too often'));
    return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome);
  };
}

function lookupOf(source: QueuedSource) {
  const clock = { now: 1_000 };
  const failures: unknown[] = [];
  const sut = new CachedLookup<string>({
    fetch: source.fetch,
    freshForMs: 3_600_000,
    retryAfterMs: 60_000,
    onFailure: (error) => failures.push(error),
    now: () => clock.now,
  });
  return { sut, clock, failures };
}

describe(CachedLookup.name, () => {
  it('fetches once while the value is fresh, and again once it is not', async () => {
    const source = new QueuedSource('first', 'second');
    const { sut, clock } = lookupOf(source);

    expect(await sut.get()).toBe('first');
    clock.now += 3_599_999;
    expect(await sut.get()).toBe('first');
    clock.now += 1;
    expect(await sut.get()).toBe('second');
    expect(source.calls).toBe(2);
  });

  it('shares one fetch between callers who ask at the same time', async () => {
    const source = new QueuedSource('only');
    const { sut } = lookupOf(source);

    expect(await Promise.all([sut.get(), sut.get(), sut.get()])).toEqual(['only', 'only', 'only']);
    expect(source.calls).toBe(1);
  });

  it('reports a failure, keeps the last value, and tries again only after the retry delay', async () => {
    const outage = new Error('Twitch is down');
    const source = new QueuedSource('good', outage, 'recovered');
    const { sut, clock, failures } = lookupOf(source);
    await sut.get();
    clock.now += 3_600_000;

    expect(await sut.get()).toBe('good');
    expect(failures).toEqual([outage]);
    clock.now += 59_999;
    expect(await sut.get()).toBe('good');
    expect(source.calls).toBe(2);
    clock.now += 1;
    expect(await sut.get()).toBe('recovered');
  });

  it('has nothing, without rejecting, when the first fetch fails', async () => {
    const source = new QueuedSource(new Error('Twitch is down'), 'later');
    const { sut, clock, failures } = lookupOf(source);

    await expect(sut.get()).resolves.toBeUndefined();
    clock.now += 60_000;
    expect(await sut.get()).toBe('later');
    expect(failures).toHaveLength(1);
  });
});
