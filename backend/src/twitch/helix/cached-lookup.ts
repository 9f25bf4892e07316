export interface CachedLookupOptions<T> {
  fetch: () => Promise<T>;
  /** How long a fetched value is used before it is fetched again. */
  freshForMs: number;
  /** After a failed fetch, how long the last value (or none) stands before the next try. */
  retryAfterMs: number;
  onFailure: (error: unknown) => void;
  now?: () => number;
}

/**
 * A value fetched when first asked for and kept for a while. A failed fetch is reported, keeps
 * the last good value, and is tried again later rather than on every call; callers asking while
 * a fetch is under way share it.
 */
export class CachedLookup<T> {
  private value: T | undefined;
  private staleAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<T | undefined> | null = null;
  private readonly now: () => number;

  constructor(private readonly options: CachedLookupOptions<T>) {
    this.now = options.now ?? Date.now;
  }

  /** The value, or `undefined` while there has never been one. Never rejects. */
  get(): Promise<T | undefined> {
    if (this.now() < this.staleAt) return Promise.resolve(this.value);
    this.pending ??= this.refresh().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async refresh(): Promise<T | undefined> {
    try {
      this.value = await this.options.fetch();
      this.staleAt = this.now() + this.options.freshForMs;
    } catch (error) {
      this.staleAt = this.now() + this.options.retryAfterMs;
      this.options.onFailure(error);
    }
    return this.value;
  }
}
