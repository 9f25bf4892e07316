import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../src/auth/auth-policy.js';
import { startTestApp, type TestApp } from './utils/test-app.js';

/** Integron behind a TLS-terminating proxy: the public URL is HTTPS, the hop to Integron is not. */
const BEHIND_PROXY = { PUBLIC_URL: 'https://integron.example.com', DEMO_TRAFFIC_RATE: '0' };

function startSignInVia(sut: TestApp, headers: Record<string, string>): Promise<Response> {
  return fetch(`${sut.baseUrl}/api/auth/twitch`, { headers, redirect: 'manual' });
}

const sessionCookieOf = (response: Response) =>
  response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));

/** What is left of the throttle budget of the client this request is taken for. */
async function remainingBudgetOf(sut: TestApp, forwardedFor: string): Promise<number> {
  const response = await fetch(`${sut.baseUrl}/api/health`, {
    headers: { 'X-Forwarded-For': forwardedFor },
  });
  const remaining = response.headers.get('x-ratelimit-remaining');
  if (remaining === null) throw new Error('The response carries no X-RateLimit-Remaining header');
  return Number(remaining);
}

describe('TRUST_PROXY naming the proxy in front of Integron', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await startTestApp({ env: { ...BEHIND_PROXY, TRUST_PROXY: '1' } });
  });

  afterAll(async () => {
    await sut.close();
  });

  it('sets the Secure session cookie on requests the proxy received over HTTPS', async () => {
    const overHttps = await startSignInVia(sut, { 'X-Forwarded-Proto': 'https' });
    const overHttp = await startSignInVia(sut, {});

    expect(sessionCookieOf(overHttps)).toMatch(/;\s*Secure/i);
    expect(sessionCookieOf(overHttp)).toBeUndefined();
  });

  it('throttles each client by the address the proxy forwarded', async () => {
    const first = await remainingBudgetOf(sut, '203.0.113.1');
    await remainingBudgetOf(sut, '203.0.113.1');
    const other = await remainingBudgetOf(sut, '203.0.113.2');

    expect(other).toBe(first);
  });
});

describe('TRUST_PROXY not naming the peer', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await startTestApp({ env: { ...BEHIND_PROXY, TRUST_PROXY: '10.0.0.0/8' } });
  });

  afterAll(async () => {
    await sut.close();
  });

  it('ignores X-Forwarded-Proto, so no Secure cookie goes over plain HTTP', async () => {
    expect(sessionCookieOf(await startSignInVia(sut, { 'X-Forwarded-Proto': 'https' }))).toBe(
      undefined,
    );
  });

  it('ignores X-Forwarded-For, so a client cannot pick a fresh throttle budget', async () => {
    const first = await remainingBudgetOf(sut, '203.0.113.1');
    const other = await remainingBudgetOf(sut, '203.0.113.2');

    expect(other).toBe(first - 1);
  });
});
