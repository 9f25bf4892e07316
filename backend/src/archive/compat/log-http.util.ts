import { once } from 'node:events';
import { type Response } from 'express';

/** Writes `chunk`, waiting while the client's socket is full; `false` once the client is gone. */
export async function writeChunk(res: Response, chunk: string): Promise<boolean> {
  if (res.destroyed) return false;
  if (chunk !== '' && !res.write(chunk)) {
    await Promise.race([once(res, 'drain'), once(res, 'close')]);
  }
  return !res.destroyed;
}

/**
 * The query re-encoded the way Go's `url.Values.Encode` does: keys sorted, each value after its
 * key (a bare `reverse` becomes `reverse=`), spaces as `+`, everything but `A-Za-z0-9-_.~` escaped.
 */
export function goEncodeQuery(rawQuery: string, without: readonly string[] = []): string {
  const values = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(rawQuery)) {
    if (without.includes(key)) continue;
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  return [...values.keys()]
    .sort()
    .flatMap((key) => values.get(key)!.map((value) => `${goEscape(key)}=${goEscape(value)}`))
    .join('&');
}

function goEscape(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** Go's `http.Redirect` for a GET: the status, `Location`, and its little HTML body. */
export function goRedirect(res: Response, status: number, location: string, text: string): void {
  res.status(status);
  res.setHeader('Location', location);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(`<a href="${htmlEscape(location)}">${text}</a>.\n\n`);
}

function htmlEscape(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&#34;')
    .replace(/'/g, '&#39;');
}
