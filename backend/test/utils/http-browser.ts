import { randomInt } from 'node:crypto';
import { CSRF_COOKIE, CSRF_HEADER } from '@integron/contracts';
import { CookieJar } from 'tough-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface BrowserRequest extends RequestInit {
  /** Echo the XSRF-TOKEN cookie in the header on mutations, as the admin does (default true). */
  csrf?: boolean;
}

/**
 * What a browser does for the admin, over plain HTTP: keeps cookies per site, echoes the CSRF
 * cookie as Angular's HttpClient does, and lets a test see (and follow) each redirect.
 */
export class HttpBrowser {
  readonly jar = new CookieJar();
  /**
   * Each browser is a person on a machine of their own: it comes through the (trusted, loopback)
   * proxy from its own address, so rate limits count per browser as they would per person.
   */
  readonly clientAddress = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

  constructor(readonly baseUrl: string) {}

  async fetch(pathOrUrl: string, init: BrowserRequest = {}): Promise<Response> {
    const url = new URL(pathOrUrl, this.baseUrl).toString();
    const headers = new Headers(init.headers);
    if (!headers.has('x-forwarded-for')) headers.set('x-forwarded-for', this.clientAddress);
    const cookies = await this.jar.getCookieString(url);
    if (cookies) headers.set('cookie', cookies);
    const method = (init.method ?? 'GET').toUpperCase();
    const csrfToken = await this.cookie(CSRF_COOKIE);
    if (init.csrf !== false && !SAFE_METHODS.has(method) && csrfToken)
      headers.set(CSRF_HEADER, csrfToken);
    if (typeof init.body === 'string' && !headers.has('content-type'))
      headers.set('content-type', 'application/json');
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const setCookie of response.headers.getSetCookie())
      await this.jar.setCookie(setCookie, url, { ignoreError: true });
    return response;
  }

  /** Follows redirects while they stay on this site; returns the first response that does not. */
  async navigate(pathOrUrl: string): Promise<{ response: Response; url: URL }> {
    let url = new URL(pathOrUrl, this.baseUrl);
    for (let hop = 0; hop < 10; hop++) {
      const response = await this.fetch(url.toString());
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url };
      const next = new URL(location, url);
      if (next.origin !== new URL(this.baseUrl).origin) return { response, url: next };
      url = next;
    }
    throw new Error(`Too many redirects from ${pathOrUrl}`);
  }

  async json<T>(
    pathOrUrl: string,
    init: BrowserRequest = {},
  ): Promise<{ status: number; body: T }> {
    const response = await this.fetch(pathOrUrl, init);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async cookie(name: string): Promise<string | undefined> {
    const cookies = await this.jar.getCookies(this.baseUrl);
    return cookies.find((cookie) => cookie.key === name)?.value;
  }
}
