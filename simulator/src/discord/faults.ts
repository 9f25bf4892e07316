export type FaultStatus = 500 | 502 | 503 | 429 | 403 | 404;

export interface FaultSpec {
  /** Only requests with this method; any method when left out. */
  method?: string;
  /** Tested against the request's path, e.g. `/api/v10/channels/1/messages`; any path when left out. */
  path?: RegExp;
  status: FaultStatus;
  /** How many matching requests get the fault; all of them when left out. */
  times?: number;
  /** Seconds, for 429 (default 1). */
  retryAfter?: number;
  /** For 429: the global limit rather than a shared resource's. */
  global?: boolean;
}

/** Answers tests put in place of the real ones: outages, 429 storms, lost permissions. */
export class Faults {
  private readonly pending: { spec: FaultSpec; remaining: number }[] = [];

  add(spec: FaultSpec): void {
    this.pending.push({ spec, remaining: spec.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.pending.length = 0;
  }

  /** The first fault matching the request, which counts as used. */
  take(method: string, path: string): FaultSpec | undefined {
    const fault = this.pending.find(
      ({ spec }) =>
        (spec.method === undefined || spec.method.toUpperCase() === method) &&
        (spec.path === undefined || spec.path.test(path)),
    );
    if (!fault) return undefined;
    if (--fault.remaining <= 0) this.pending.splice(this.pending.indexOf(fault), 1);
    return fault.spec;
  }
}
