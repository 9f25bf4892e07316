import { type Request } from 'express';
import { HelixError } from './errors.js';

/** Every value of a repeatable query parameter (`?id=1&id=2`). */
export function queryValues(req: Request, name: string): string[] {
  const value: unknown = req.query[name];
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.filter((v): v is string => typeof v === 'string');
}

export function queryValue(req: Request, name: string): string | undefined {
  return queryValues(req, name)[0];
}

export function requiredQuery(req: Request, name: string): string {
  const value = queryValue(req, name);
  if (!value) throw new HelixError(400, `Missing required parameter "${name}"`);
  return value;
}

/** Helix's `first`: how many items a page holds. */
export function pageSize(req: Request, fallback: number, max = 100): number {
  const first = queryValue(req, 'first');
  if (first === undefined) return fallback;
  const size = Number(first);
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw new HelixError(400, `The parameter "first" must be between 1 and ${max}`);
  }
  return size;
}
