import { Logger } from '@nestjs/common';
import { type NextFunction, type Request, type Response } from 'express';

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i;

/**
 * Sends a browser that navigated to Integron under another address to `PUBLIC_URL`, before
 * anything (a sign-in's state cookie, say) is tied to the wrong host. With `PUBLIC_URL` unset
 * only loopback names are redirected (its default is `http://localhost:PORT`); another address
 * is logged once with a hint, since redirecting a remote browser to localhost would strand it.
 * Only navigations are redirected: API clients, sockets, probes and log readers never are.
 */
export function canonicalHost(publicUrl: string, configured: boolean) {
  const canonical = new URL(publicUrl);
  const logger = new Logger('PublicUrl');
  const hinted = new Set<string>();
  return (request: Request, response: Response, next: NextFunction): void => {
    const navigating = request.get('sec-fetch-mode') === 'navigate';
    if (!navigating || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
    const host = request.host;
    if (`${request.protocol}:` === canonical.protocol && host === canonical.host) return next();
    if (!configured && !LOOPBACK_HOST.test(host)) {
      if (!hinted.has(host)) {
        hinted.add(host);
        logger.warn(
          `A browser opened Integron at ${request.protocol}://${host}, but PUBLIC_URL is ${canonical.origin}: sign-in and overlay links use PUBLIC_URL, so set it to the address people use.`,
        );
      }
      return next();
    }
    response.redirect(302, new URL(request.originalUrl, canonical).toString());
  };
}
