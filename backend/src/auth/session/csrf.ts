import { randomBytes, timingSafeEqual } from 'node:crypto';
import { CSRF_COOKIE, CSRF_HEADER } from '@integron/contracts';
import { type Request, type Response } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Synchronizer token: the session holds it, a readable cookie hands it to the admin (Angular's
 * HttpClient echoes it in the header), and another site can neither read the cookie nor set the
 * header.
 */
export function issueCsrfCookie(req: Request, res: Response, secure: boolean): void {
  req.session.csrfToken ??= randomBytes(24).toString('base64url');
  res.cookie(CSRF_COOKIE, req.session.csrfToken, {
    httpOnly: false,
    sameSite: 'strict',
    secure,
    path: '/',
  });
}

export function passesCsrfCheck(req: Request): boolean {
  if (SAFE_METHODS.has(req.method)) return true;
  const expected = req.session.csrfToken;
  const given = req.get(CSRF_HEADER);
  if (!expected || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
