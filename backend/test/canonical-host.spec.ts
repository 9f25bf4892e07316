import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './utils/test-app.js';

/** A browser's top-level navigation, as Chromium, Firefox and Safari announce it. */
const NAVIGATION = { 'sec-fetch-mode': 'navigate' };

interface Answer {
  status: number;
  location: string | undefined;
}

/**
 * A request with the Host header a browser would send for `host`. Plain node:http, since fetch
 * (undici) sets Sec-Fetch-Mode itself, as browsers do.
 */
function get(
  port: string,
  host: string,
  path: string,
  headers: Record<string, string> = NAVIGATION,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers: { host, ...headers } }, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, location: response.headers.location });
    })
      .once('error', reject)
      .end();
  });
}

describe('the canonical address', () => {
  let sut: TestApp | undefined;

  afterEach(async () => {
    await sut?.close();
    sut = undefined;
  });

  /** `PUBLIC_URL` unset: Integron advertises http://localhost:PORT. */
  async function withoutPublicUrl(): Promise<string> {
    sut = await startTestApp({ env: { PUBLIC_URL: undefined } });
    return new URL(sut.baseUrl).port;
  }

  it('sends a browser that opened 127.0.0.1 to localhost before sign-in starts, keeping the path', async () => {
    const port = await withoutPublicUrl();

    expect(await get(port, `127.0.0.1:${port}`, '/team-channels?x=1')).toEqual({
      status: 302,
      location: `http://localhost:${port}/team-channels?x=1`,
    });
    expect(await get(port, `127.0.0.1:${port}`, '/api/auth/twitch')).toEqual({
      status: 302,
      location: `http://localhost:${port}/api/auth/twitch`,
    });
    // On the canonical name, sign-in goes on to Twitch's (here: the demo's) consent page.
    const signIn = await get(port, `localhost:${port}`, '/api/auth/twitch');
    expect(signIn.location).toContain('/demo/twitch/auth/authorize');
  });

  it('never redirects what is not a browser navigation', async () => {
    const port = await withoutPublicUrl();

    expect((await get(port, `127.0.0.1:${port}`, '/api/health', {})).status).toBe(200);
    expect(
      (await get(port, `127.0.0.1:${port}`, '/api/health', { 'sec-fetch-mode': 'cors' })).status,
    ).toBe(200);
  });

  it('leaves an address that is not loopback alone while PUBLIC_URL is unset', async () => {
    const port = await withoutPublicUrl();

    expect((await get(port, `192.168.1.5:${port}`, '/api/health')).status).toBe(200);
  });

  it('redirects navigations on any other host to PUBLIC_URL once it is set', async () => {
    sut = await startTestApp({ env: { PUBLIC_URL: 'https://integron.example.com' } });
    const port = new URL(sut.baseUrl).port;

    expect(await get(port, `127.0.0.1:${port}`, '/dashboard')).toEqual({
      status: 302,
      location: 'https://integron.example.com/dashboard',
    });
  });
});
