import { type OverlayNumberParam } from '@integron/contracts';

/**
 * An overlay's settings from its URL (`?max=10&types=sub,gift`). A value that does not fit is
 * replaced by the default and noted in `problems`, for the page to tell whoever set it up.
 */
export class OverlayParams {
  readonly problems: string[] = [];
  private readonly params: URLSearchParams;

  constructor(search: string) {
    this.params = new URLSearchParams(search);
  }

  /** A whole number in the parameter's range (`0` too when allowed, e.g. "never fade"). */
  int(name: string, { fallback, min, max, zeroAllowed }: OverlayNumberParam): number {
    const raw = this.raw(name);
    if (raw === null) return fallback;
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if ((value >= min && value <= max) || (zeroAllowed && value === 0)) return value;
    this.problems.push(
      `${name}=${raw} is not a whole number from ${zeroAllowed ? 0 : min} to ${max}; using ${fallback}.`,
    );
    return fallback;
  }

  choice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const raw = this.raw(name);
    if (raw === null) return fallback;
    if ((choices as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name}=${raw} is not one of ${choices.join(', ')}; using ${fallback}.`);
    return fallback;
  }

  /** A comma-separated list of some of `choices`; unknown names are left out (and noted). */
  list<T extends string>(name: string, choices: readonly T[], fallback: readonly T[]): Set<T> {
    const raw = this.raw(name);
    if (raw === null) return new Set(fallback);
    const names = raw.split(',').map((each) => each.trim());
    const known = names.filter((each): each is T => (choices as readonly string[]).includes(each));
    const unknown = names.filter((each) => each !== '' && !known.includes(each as T));
    if (unknown.length > 0)
      this.problems.push(
        `${name}: unknown ${unknown.join(', ')}${known.length === 0 ? '; using the default' : ''}. Known: ${choices.join(', ')}.`,
      );
    return new Set(known.length > 0 ? known : fallback);
  }

  private raw(name: string): string | null {
    const value = this.params.get(name)?.trim();
    return value === undefined || value === '' ? null : value;
  }
}
