/** The ids an overlay showed lately, so that a replay after a reconnect shows nothing twice. */
export class RecentIds {
  private readonly ids = new Set<string>();

  /** At least the most a replay holds (50 stream events and 50 chat lines). */
  constructor(private readonly capacity = 1_000) {}

  /** Notes `id`; `false` when it was noted already. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next();
      if (!oldest.done) this.ids.delete(oldest.value);
    }
    return true;
  }
}
