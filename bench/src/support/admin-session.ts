import { type Channel, CSRF_COOKIE, CSRF_HEADER } from '@integron/contracts';
import { type Simulator } from '@integron/simulator';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A team member in the admin, over plain HTTP: signed in with Twitch on the simulator's consent
 * page as a person does it, keeping Integron's cookies and echoing the CSRF cookie on changes.
 */
export class AdminSession {
  private readonly cookies = new Map<string, string>();

  private constructor(readonly baseUrl: string) {}

  /** "Sign in with Twitch" as `login`; on a fresh install the first one becomes owner. */
  static async signIn(baseUrl: string, simulator: Simulator, login: string): Promise<AdminSession> {
    const session = new AdminSession(baseUrl);
    const authorizeUrl = redirectTarget(await session.fetch('/api/auth/twitch'), baseUrl);
    const userId = simulator.twitch.world.ensureUser(login).id;
    const page = await fetch(authorizeUrl, { redirect: 'manual' });
    const html = await page.text();
    if (page.status !== 200) throw new Error(`The consent page answered ${page.status}: ${html}`);
    const { action, fields } = pageForm(html, authorizeUrl);
    fields.set('user_id', userId);
    const consent = await fetch(action, { method: 'POST', body: fields, redirect: 'manual' });
    const callback = redirectTarget(consent, authorizeUrl.href);
    const landing = redirectTarget(await session.fetch(callback.href), baseUrl);
    if (landing.pathname.startsWith('/sign-in')) throw new Error(`Sign-in failed: ${landing.href}`);
    return session;
  }

  /** The Cookie header a socket handshake sends. */
  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async fetch(pathOrUrl: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', this.cookieHeader);
    const csrf = this.cookies.get(CSRF_COOKIE);
    if (!SAFE_METHODS.has((init.method ?? 'GET').toUpperCase()) && csrf)
      headers.set(CSRF_HEADER, csrf);
    if (typeof init.body === 'string') headers.set('content-type', 'application/json');
    const response = await fetch(new URL(pathOrUrl, this.baseUrl), {
      ...init,
      headers,
      redirect: 'manual',
    });
    for (const setCookie of response.headers.getSetCookie()) this.keep(setCookie);
    return response;
  }

  async json<T>(path: string, init: RequestInit = {}): Promise<T> {
    const response = await this.fetch(path, init);
    const text = await response.text();
    if (!response.ok)
      throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }

  /** Adds the channels by login (each looked up on the simulated Helix) and waits until joined. */
  async addChannels(logins: readonly string[], timeoutMs = 180_000): Promise<Channel[]> {
    for (const login of logins)
      await this.json<Channel>('/api/channels', {
        method: 'POST',
        body: JSON.stringify({ login }),
      });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const channels = await this.json<Channel[]>('/api/channels');
      const joined = channels.filter((channel) => channel.connection.state === 'joined');
      if (joined.length >= logins.length) return channels;
      if (Date.now() > deadline)
        throw new Error(`Only ${joined.length} of ${logins.length} channels joined in time`);
      await new Promise((done) => setTimeout(done, 1_000));
    }
  }

  private keep(setCookie: string): void {
    const [pair = '', ...attributes] = setCookie.split(';');
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
    if (expired || value === '') this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

function redirectTarget(response: Response, base: string): URL {
  const location = response.headers.get('location');
  if (response.status !== 302 || !location)
    throw new Error(`Expected a redirect, got ${response.status}`);
  return new URL(location, base);
}

/** Where the simulated consent page's form posts, and its prefilled fields. */
function pageForm(html: string, pageUrl: URL): { action: URL; fields: URLSearchParams } {
  const action = /<form method="post" action="([^"]*)">/.exec(html)?.[1];
  if (action === undefined) throw new Error(`${pageUrl.href} has no form`);
  const fields = new URLSearchParams();
  for (const [, name, value] of html.matchAll(
    /<input type="(?:hidden|text)" name="([^"]*)" value="([^"]*)"/g,
  ))
    fields.append(decodeHtml(name!), decodeHtml(value!));
  return { action: new URL(decodeHtml(action), pageUrl), fields };
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'" };

function decodeHtml(text: string): string {
  return text.replace(
    /&(amp|quot|lt|gt|#39);/g,
    (entity, name: string) => ENTITIES[name] ?? entity,
  );
}
