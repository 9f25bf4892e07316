/**
 * Remembers the ids seen lately, in two generations: an id stays known for at least `capacity`
 * further ids and at most twice that. Cheap enough for every chat line.
 */
export class RecentIds {
  private current = new Set<string>();
  private previous = new Set<string>();

  constructor(private readonly capacity: number) {}

  /** True the first time an id is seen (within the window), false for a repeat. */
  add(id: string): boolean {
    if (this.current.has(id) || this.previous.has(id)) return false;
    // A copy: an id parsed out of an IRC line is a slice that would keep the whole line alive.
    this.current.add(Buffer.from(id).toString());
    if (this.current.size >= this.capacity) {
      this.previous = this.current;
      this.current = new Set();
    }
    return true;
  }
}
