import { HttpParams } from '@angular/common/http';

/** A query as the API reads it: unset, `null` and empty values are left out. */
export type QueryValues = Record<string, string | number | boolean | null | undefined>;

/** `{ channelId: '42', q: '', limit: 50 }` → `?channelId=42&limit=50`. */
export function toHttpParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query as QueryValues)) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    params = params.set(key, String(value));
  }
  return params;
}
