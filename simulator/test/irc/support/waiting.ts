import { type Client, type Events } from 'tmi.js';

const WAIT_MS = 5_000;

/** twurple's `onX` event binders: subscribe, get something to unbind. */
type Subscribe<Args extends unknown[]> = (listener: (...args: Args) => void) => { unbind(): void };

/** The next emission of a twurple event (that `matches`), or a rejection after `timeoutMs`. */
export async function nextEvent<Args extends unknown[]>(
  subscribe: Subscribe<Args>,
  matches: (...args: Args) => boolean = () => true,
  timeoutMs = WAIT_MS,
): Promise<Args> {
  const [args] = await collectEvents(subscribe, 1, matches, timeoutMs);
  if (!args) throw new Error('collectEvents resolved without the one event asked for');
  return args;
}

/** The next `count` emissions of a twurple event that `match`. */
export function collectEvents<Args extends unknown[]>(
  subscribe: Subscribe<Args>,
  count: number,
  matches: (...args: Args) => boolean = () => true,
  timeoutMs = WAIT_MS,
): Promise<Args[]> {
  return new Promise((resolve, reject) => {
    const seen: Args[] = [];
    const timer = setTimeout(() => {
      listener.unbind();
      reject(new Error(`Saw ${seen.length} of ${count} events in ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = subscribe((...args) => {
      if (!matches(...args)) return;
      seen.push(args);
      if (seen.length < count) return;
      clearTimeout(timer);
      listener.unbind();
      resolve(seen);
    });
  });
}

/** The next `count` tmi.js `event`s that `match`, as their arguments. */
export function collectTmiEvents<E extends keyof Events>(
  client: Client,
  event: E,
  count: number,
  matches: (...args: Parameters<Events[E]>) => boolean = () => true,
  timeoutMs = WAIT_MS,
): Promise<Parameters<Events[E]>[]> {
  return collectEvents<Parameters<Events[E]>>(
    (listener) => {
      // tmi.js's strict emitter types cannot relate a generic event to its listener's arguments.
      client.on(event, listener as never);
      return { unbind: () => void client.removeListener(event, listener) };
    },
    count,
    matches,
    timeoutMs,
  );
}

/** The next tmi.js `event` that `matches`, as its arguments. */
export async function nextTmiEvent<E extends keyof Events>(
  client: Client,
  event: E,
  matches: (...args: Parameters<Events[E]>) => boolean = () => true,
  timeoutMs = WAIT_MS,
): Promise<Parameters<Events[E]>> {
  const [args] = await collectTmiEvents(client, event, 1, matches, timeoutMs);
  if (!args) throw new Error('collectTmiEvents resolved without the one event asked for');
  return args;
}
