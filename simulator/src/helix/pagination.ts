import { HelixError } from './errors.js';

export interface Page<T> {
  items: T[];
  /** Helix's `pagination` object: `{}` on the last page. */
  pagination: { cursor?: string };
}

/** Cursor pagination over an in-memory list; a cursor is an opaque offset. */
export function paginate<T>(items: readonly T[], after: string | undefined, size: number): Page<T> {
  const start = after === undefined ? 0 : offsetOf(after);
  const end = start + size;
  return {
    items: items.slice(start, end),
    pagination: end < items.length ? { cursor: cursorFor(end) } : {},
  };
}

function cursorFor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function offsetOf(cursor: string): number {
  try {
    const { o } = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { o?: unknown };
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
  } catch {
    // Falls through to the error below, like any other cursor we did not hand out.
  }
  throw new HelixError(400, 'Invalid cursor');
}
