import { type TeamRole } from '@integron/contracts';
import { HttpBrowser } from './http-browser.js';
import { answerTwitchConsent } from './simulated-twitch-login.js';
import { type TestApp } from './test-app.js';

/** "Sign in with Twitch" in demo mode, as a person does it; returns where Integron sent them. */
export async function signInWithTwitch(
  sut: TestApp,
  login: string,
  browser = new HttpBrowser(sut.baseUrl),
): Promise<{ browser: HttpBrowser; landing: URL }> {
  const toTwitch = await browser.fetch('/api/auth/twitch');
  const authorizeUrl = redirectTarget(toTwitch, sut.baseUrl);
  // Demo mode serves the simulated Twitch's pages itself: browsers cannot reach the simulator.
  if (authorizeUrl.origin !== new URL(sut.baseUrl).origin)
    throw new Error(`Sign-in sent the browser off to ${authorizeUrl.origin}`);
  const callback = await answerTwitchConsent(sut.simulator!, authorizeUrl, { login });
  const landing = redirectTarget(await browser.fetch(callback.toString()), sut.baseUrl);
  return { browser, landing };
}

export function redirectTarget(response: Response, base: string): URL {
  const location = response.headers.get('location');
  if (response.status !== 302 || !location)
    throw new Error(`Expected a redirect, got ${response.status}`);
  return new URL(location, base);
}

export type TeamSessions = Record<TeamRole, HttpBrowser>;

/**
 * A fresh install's team: `owner` signs in first (and so becomes owner), adds an admin and a
 * moderator, and each of them signs in.
 */
export async function signInTeam(sut: TestApp, prefix: string): Promise<TeamSessions> {
  const owner = (await signInWithTwitch(sut, `${prefix}owner`)).browser;
  const sessions: Partial<TeamSessions> = { owner };
  for (const role of ['admin', 'moderator'] as const) {
    const login = `${prefix}${role}`;
    sut.simulator!.twitch.world.ensureUser(login);
    const added = await owner.fetch('/api/team', {
      method: 'POST',
      body: JSON.stringify({ login, role }),
    });
    if (added.status !== 201) throw new Error(`Adding ${login} failed: ${await added.text()}`);
    sessions[role] = (await signInWithTwitch(sut, login)).browser;
  }
  return sessions as TeamSessions;
}
