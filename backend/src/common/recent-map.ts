/**
 * What was set lately, in two generations: an entry stays for at least `capacity` further
 * entries and at most twice that. Cheap enough for every chat line.
 */
export class RecentMap<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    return this.current.get(key) ?? this.previous.get(key);
  }

  has(key: string): boolean {
    return this.current.has(key) || this.previous.has(key);
  }

  set(key: string, value: V): void {
    this.current.set(detached(key), value);
    if (this.current.size >= this.capacity) {
      this.previous = this.current;
      this.current = new Map();
    }
  }
}

/** A copy of `text`: a string parsed out of a longer one is a slice that keeps the whole alive. */
export function detached(text: string): string {
  return Buffer.from(text).toString();
}
