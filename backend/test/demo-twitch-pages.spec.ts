import { type DeviceConnectFlow } from '@integron/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpBrowser } from './utils/http-browser.js';
import { signInWithTwitch, redirectTarget } from './utils/sign-in.js';
import { answerDeviceActivation } from './utils/simulated-twitch-login.js';
import { startTestApp, type TestApp } from './utils/test-app.js';

const LIVE_TWITCH = {
  TWITCH_CLIENT_ID: 'abcdefghij0123',
  TWITCH_CLIENT_SECRET: 's3cr3ts3cr3ts3cr3t',
};

/** The simulated Twitch listens on loopback; browsers elsewhere reach its pages through Integron. */
describe("demo mode's Twitch pages on Integron's own address", () => {
  let sut: TestApp | undefined;

  afterEach(async () => {
    await sut?.close();
    sut = undefined;
  });

  it('sends "Sign in with Twitch" to the consent page under PUBLIC_URL, not to the simulator', async () => {
    sut = await startTestApp({ env: { DEMO_TRAFFIC_RATE: '0' } });
    const browser = new HttpBrowser(sut.baseUrl);

    const authorizeUrl = redirectTarget(await browser.fetch('/api/auth/twitch'), sut.baseUrl);
    const page = await browser.fetch(authorizeUrl.toString());

    expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe(
      `${sut.baseUrl}/demo/twitch/auth/authorize`,
    );
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('Authorize Integron (demo)');
    expect(html).not.toContain('<script');
  });

  it('signs someone in through those pages', async () => {
    sut = await startTestApp({ env: { DEMO_TRAFFIC_RATE: '0' } });

    const { browser, landing } = await signInWithTwitch(sut, 'throughproxy');

    expect(landing.pathname).toBe('/dashboard');
    expect((await browser.json('/api/auth/me')).body).toMatchObject({ login: 'throughproxy' });
  });

  it('passes the simulated Twitch’s refusals on as they are', async () => {
    sut = await startTestApp({ env: { DEMO_TRAFFIC_RATE: '0' } });

    const answer = await fetch(`${sut.baseUrl}/demo/twitch/auth/authorize?client_id=nobody`);

    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ status: 400, message: 'invalid client' });
  });

  it('shows admins a device code page under PUBLIC_URL that connects the account', async () => {
    sut = await startTestApp({ env: { DEMO_TRAFFIC_RATE: '0' } });
    const { browser: owner } = await signInWithTwitch(sut, 'deviceowner');

    const started = await owner.json<DeviceConnectFlow>('/api/twitch-accounts/device', {
      method: 'POST',
      body: JSON.stringify({ purpose: 'bot' }),
    });
    const { flowId, userCode, verificationUri } = started.body;
    const approval = await answerDeviceActivation(sut.simulator!, verificationUri, {
      login: 'devicebot',
    });

    expect(verificationUri).toBe(
      `${sut.baseUrl}/demo/twitch/auth/activate?device-code=${userCode}`,
    );
    expect(approval.status).toBe(200);
    expect(await approval.text()).toContain('Device connected');
    await expect
      .poll(
        async () =>
          (await owner.json<DeviceConnectFlow>(`/api/twitch-accounts/device/${flowId}`)).body
            .status,
        { timeout: 15_000, interval: 500 },
      )
      .toBe('connected');
  });

  it('does not exist in live mode', async () => {
    sut = await startTestApp({ env: LIVE_TWITCH });

    const post = await fetch(`${sut.baseUrl}/demo/twitch/auth/authorize`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: 'x' }),
    });
    const get = await fetch(`${sut.baseUrl}/demo/twitch/auth/activate`);

    expect(post.status).toBe(404);
    expect(await get.text()).not.toContain('Simulated Twitch');
  });
});
