import {
  type ApiErrorBody,
  type FieldError,
  type SessionMember,
  type TeamMember,
} from '@integron/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/auth/auth-policy.js';
import { HttpBrowser } from '../utils/http-browser.js';
import { answerTwitchConsent } from '../utils/simulated-twitch-login.js';
import { redirectTarget, signInWithTwitch } from '../utils/sign-in.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

describe('signing in with Twitch', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await startTestApp();
    // People on the simulated Twitch whom the tests add to the team before they ever sign in.
    for (const login of [
      'newmoderator',
      'shortlived',
      'teamadmin',
      'wannabe',
      'helper',
      'secondadmin',
      'samenewcomer',
    ])
      sut.simulator!.twitch.world.ensureUser(login);
  });

  afterAll(async () => {
    await sut.close();
  });

  const me = (browser: HttpBrowser) => browser.json<SessionMember | ApiErrorBody>('/api/auth/me');

  it('makes the first person on a fresh install the owner', async () => {
    const { browser, landing } = await signInWithTwitch(sut, 'firstperson');

    expect(landing.pathname).toBe('/dashboard');
    expect(await me(browser)).toMatchObject({
      status: 200,
      body: { login: 'firstperson', role: 'owner' },
    });
  });

  it('keeps the session in an HTTP-only SameSite cookie and hands out a CSRF cookie', async () => {
    const browser = new HttpBrowser(sut.baseUrl);
    const toTwitch = await browser.fetch('/api/auth/twitch');
    const callback = await answerTwitchConsent(
      sut.simulator!,
      redirectTarget(toTwitch, sut.baseUrl),
      {
        login: 'firstperson',
      },
    );
    const response = await browser.fetch(callback.toString());

    const cookies = response.headers.getSetCookie();
    expect(cookies.find((cookie) => cookie.startsWith('integron.sid='))).toMatch(
      /HttpOnly.*SameSite=Lax|SameSite=Lax.*HttpOnly/i,
    );
    expect(cookies.find((cookie) => cookie.startsWith('XSRF-TOKEN='))).not.toMatch(/HttpOnly/i);
  });

  it('gives the session a new id on sign-in: the cookie from before signs no one in', async () => {
    const browser = new HttpBrowser(sut.baseUrl);
    const toTwitch = await browser.fetch('/api/auth/twitch');
    const beforeSignIn = await browser.cookie(SESSION_COOKIE);
    const callback = await answerTwitchConsent(
      sut.simulator!,
      redirectTarget(toTwitch, sut.baseUrl),
      { login: 'firstperson' },
    );
    await browser.fetch(callback.toString());
    const afterSignIn = await browser.cookie(SESSION_COOKIE);

    expect(beforeSignIn).toEqual(expect.any(String));
    expect(afterSignIn).toEqual(expect.any(String));
    expect(afterSignIn).not.toBe(beforeSignIn);
    expect((await me(browser)).status).toBe(200);
    const fixated = await fetch(`${sut.baseUrl}/api/auth/me`, {
      headers: { cookie: `${SESSION_COOKIE}=${beforeSignIn}` },
    });
    expect(fixated.status).toBe(401);
  });

  it('keeps a session alive without writing its row on every signed-in read', async () => {
    const { browser } = await signInWithTwitch(sut, 'firstperson');
    const sid = decodeURIComponent((await browser.cookie(SESSION_COOKIE))!)
      .replace(/^s:/, '')
      .replace(/\.[^.]*$/, '');
    const expiry = async () =>
      (
        await sut.database!.query<{ expire: Date }>('SELECT expire FROM sessions WHERE sid = $1', [
          sid,
        ])
      ).rows[0]?.expire.getTime();
    await me(browser); // the first read after sign-in pushes the expiry back once
    const afterFirstRead = await expiry();

    for (let read = 0; read < 5; read++) expect((await me(browser)).status).toBe(200);

    expect(afterFirstRead).toEqual(expect.any(Number));
    expect(await expiry()).toBe(afterFirstRead);
  });

  it('shows someone who is not on the team the "not a member" page, with no session', async () => {
    const { browser, landing } = await signInWithTwitch(sut, 'stranger');

    expect(landing.pathname).toBe('/not-a-member');
    expect(landing.searchParams.get('login')).toBe('stranger');
    expect((await me(browser)).status).toBe(401);
  });

  it('lets an invited member in with the role they were given', async () => {
    const owner = (await signInWithTwitch(sut, 'firstperson')).browser;
    const invited = await owner.json<TeamMember>('/api/team', {
      method: 'POST',
      body: JSON.stringify({ login: 'NewModerator', role: 'moderator' }),
    });
    expect(invited).toMatchObject({
      status: 201,
      body: { login: 'newmoderator', role: 'moderator', lastSignInAt: null },
    });

    const { browser, landing } = await signInWithTwitch(sut, 'newmoderator');

    expect(landing.pathname).toBe('/dashboard');
    expect((await me(browser)).body).toMatchObject({ login: 'newmoderator', role: 'moderator' });
  });

  it('sends someone who cancels at Twitch back to the sign-in page with the reason', async () => {
    const browser = new HttpBrowser(sut.baseUrl);
    const toTwitch = await browser.fetch('/api/auth/twitch');
    const callback = await answerTwitchConsent(
      sut.simulator!,
      redirectTarget(toTwitch, sut.baseUrl),
      'cancel',
    );

    const landing = redirectTarget(await browser.fetch(callback.toString()), sut.baseUrl);

    expect(`${landing.pathname}${landing.search}`).toBe('/sign-in?error=denied');
  });

  it('refuses a callback whose OAuth state this browser never started', async () => {
    const starter = new HttpBrowser(sut.baseUrl);
    const toTwitch = await starter.fetch('/api/auth/twitch');
    const callback = await answerTwitchConsent(
      sut.simulator!,
      redirectTarget(toTwitch, sut.baseUrl),
      { login: 'firstperson' },
    );

    const victim = new HttpBrowser(sut.baseUrl);
    const landing = redirectTarget(await victim.fetch(callback.toString()), sut.baseUrl);

    expect(`${landing.pathname}${landing.search}`).toBe('/sign-in?error=failed');
    expect((await me(victim)).status).toBe(401);
  });

  it('signs out: the session no longer works, even replayed', async () => {
    const { browser } = await signInWithTwitch(sut, 'firstperson');
    const oldCookies = await browser.jar.getCookieString(sut.baseUrl);

    const logout = await browser.fetch('/api/auth/logout', { method: 'POST' });

    expect(logout.status).toBe(204);
    expect((await me(browser)).status).toBe(401);
    const replayed = await fetch(`${sut.baseUrl}/api/auth/me`, { headers: { cookie: oldCookies } });
    expect(replayed.status).toBe(401);
  });

  it('ends sessions that have expired', async () => {
    const { browser } = await signInWithTwitch(sut, 'firstperson');
    await sut.database!.query(`UPDATE sessions SET expire = now() - interval '1 second'`);

    expect((await me(browser)).status).toBe(401);
  });

  it('refuses to add a login no Twitch user has, naming the field', async () => {
    const owner = (await signInWithTwitch(sut, 'firstperson')).browser;

    const typo = await owner.json<ApiErrorBody>('/api/team', {
      method: 'POST',
      body: JSON.stringify({ login: 'nobody_has_this', role: 'moderator' }),
    });

    expect(typo.status).toBe(400);
    expect(typo.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'login', message: 'no Twitch user has this login' }],
    });
  });

  it('binds a new member to the Twitch account that had the login when they were added', async () => {
    const world = sut.simulator!.twitch.world;
    const invitee = world.ensureUser('soontorename', 'SoonToRename');
    const owner = (await signInWithTwitch(sut, 'firstperson')).browser;
    const added = await owner.json<TeamMember>('/api/team', {
      method: 'POST',
      body: JSON.stringify({ login: 'SoonToRename', role: 'admin' }),
    });
    expect(added.body).toMatchObject({
      login: 'soontorename',
      displayName: 'SoonToRename',
      twitchUserId: invitee.id,
    });

    world.renameUser(invitee.id, 'renamedinvitee', 'RenamedInvitee');
    const squatter = await signInWithTwitch(sut, 'soontorename');
    const renamed = await signInWithTwitch(sut, 'renamedinvitee');

    expect(squatter.landing.pathname).toBe('/not-a-member');
    expect(renamed.landing.pathname).toBe('/dashboard');
    expect((await me(renamed.browser)).body).toMatchObject({
      login: 'renamedinvitee',
      role: 'admin',
    });
  });

  it("adds whoever has a renamed member's old login now, and updates the member's login", async () => {
    const world = sut.simulator!.twitch.world;
    const renamer = world.ensureUser('oldhandle', 'OldHandle');
    const owner = (await signInWithTwitch(sut, 'firstperson')).browser;
    const add = (login: string) =>
      owner.json<TeamMember>('/api/team', {
        method: 'POST',
        body: JSON.stringify({ login, role: 'moderator' }),
      });
    await add('oldhandle');
    world.renameUser(renamer.id, 'newhandle', 'NewHandle');
    const successor = world.ensureUser('oldhandle', 'OldHandleToo');

    const added = await add('oldhandle');
    const team = (await owner.json<TeamMember[]>('/api/team')).body;

    expect(added).toMatchObject({ status: 201, body: { twitchUserId: successor.id } });
    expect(team.find((member) => member.twitchUserId === renamer.id)?.login).toBe('newhandle');
  });

  it('ends the sessions of a member who is removed from the team', async () => {
    const owner = (await signInWithTwitch(sut, 'firstperson')).browser;
    const added = await owner.json<TeamMember>('/api/team', {
      method: 'POST',
      body: JSON.stringify({ login: 'shortlived', role: 'admin' }),
    });
    const member = (await signInWithTwitch(sut, 'shortlived')).browser;
    expect((await me(member)).status).toBe(200);

    const removed = await owner.fetch(`/api/team/${added.body.id}`, { method: 'DELETE' });

    expect(removed.status).toBe(204);
    expect((await me(member)).status).toBe(401);
  });

  it('refuses a cookie-authenticated mutation without the CSRF header', async () => {
    const owner = (await signInWithTwitch(sut, 'firstperson')).browser;

    const forged = await owner.json<ApiErrorBody>('/api/team', {
      method: 'POST',
      body: JSON.stringify({ login: 'forged', role: 'admin' }),
      csrf: false,
    });
    const wrongToken = await owner.json<ApiErrorBody>('/api/team', {
      method: 'POST',
      body: JSON.stringify({ login: 'forged', role: 'admin' }),
      csrf: false,
      headers: { 'X-XSRF-TOKEN': 'not-the-token' },
    });

    for (const refused of [forged, wrongToken]) {
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      expect(refused.body.message).toMatch(/CSRF/);
    }
    const team = await owner.json<TeamMember[]>('/api/team');
    expect(team.body.map((member) => member.login)).not.toContain('forged');
  });

  it('keeps the last owner: they can be neither demoted nor removed', async () => {
    const owner = (await signInWithTwitch(sut, 'firstperson')).browser;
    const self = (await me(owner)).body as SessionMember;

    const demoted = await owner.json<ApiErrorBody>(`/api/team/${self.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ role: 'admin' }),
    });

    expect(demoted.status).toBe(409);
    expect(demoted.body.message).toMatch(/needs an owner/);
  });

  it('lets admins manage the team but not owners', async () => {
    const owner = (await signInWithTwitch(sut, 'firstperson')).browser;
    await owner.fetch('/api/team', {
      method: 'POST',
      body: JSON.stringify({ login: 'teamadmin', role: 'admin' }),
    });
    const admin = (await signInWithTwitch(sut, 'teamadmin')).browser;
    const ownerId = ((await me(owner)).body as SessionMember).id;

    const makeOwner = await admin.json<ApiErrorBody>('/api/team', {
      method: 'POST',
      body: JSON.stringify({ login: 'wannabe', role: 'owner' }),
    });
    const removeOwner = await admin.json<ApiErrorBody>(`/api/team/${ownerId}`, {
      method: 'DELETE',
    });
    const addModerator = await admin.json<TeamMember>('/api/team', {
      method: 'POST',
      body: JSON.stringify({ login: 'helper', role: 'moderator' }),
    });

    expect(makeOwner.status).toBe(403);
    expect(removeOwner.status).toBe(403);
    expect(addModerator.status).toBe(201);
  });

  it('answers 409 to the second of two admins adding the same login at once', async () => {
    const owner = (await signInWithTwitch(sut, 'firstperson')).browser;
    await owner.fetch('/api/team', {
      method: 'POST',
      body: JSON.stringify({ login: 'secondadmin', role: 'admin' }),
    });
    const admin = (await signInWithTwitch(sut, 'secondadmin')).browser;
    const add = (browser: HttpBrowser) =>
      browser.json<ApiErrorBody>('/api/team', {
        method: 'POST',
        body: JSON.stringify({ login: 'SameNewcomer', role: 'moderator' }),
      });

    const answers = await Promise.all([add(owner), add(admin)]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(answers.find((answer) => answer.status === 409)?.body).toMatchObject({
      code: 'CONFLICT',
      message: 'samenewcomer is already on the team.',
    });
  });

  it('answers 400 naming the parameter to member ids that are not ids', async () => {
    const owner = (await signInWithTwitch(sut, 'firstperson')).browser;

    const letters = await owner.json<ApiErrorBody>('/api/team/abc', {
      method: 'PATCH',
      body: JSON.stringify({ role: 'admin' }),
    });
    const beyondBigint = await owner.json<ApiErrorBody>('/api/team/99999999999999999999', {
      method: 'DELETE',
    });

    for (const refused of [letters, beyondBigint]) {
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'id', message: 'id must be a numeric id of at most 18 digits' }],
      });
    }
  });

  it('names the field of a bad team request', async () => {
    const owner = (await signInWithTwitch(sut, 'firstperson')).browser;

    const bad = await owner.json<ApiErrorBody>('/api/team', {
      method: 'POST',
      body: JSON.stringify({ login: 'has spaces', role: 'emperor' }),
    });

    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect((bad.body.details as FieldError[]).map((detail) => detail.field).sort()).toEqual([
      'login',
      'role',
    ]);
  });
});

describe('OWNER_LOGIN', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await startTestApp({ env: { OWNER_LOGIN: 'TheBoss' } });
  });

  afterAll(async () => {
    await sut.close();
  });

  it('makes only the named login owner, however early someone else signs in', async () => {
    const early = await signInWithTwitch(sut, 'earlybird');
    const boss = await signInWithTwitch(sut, 'theboss');

    expect(early.landing.pathname).toBe('/not-a-member');
    expect(boss.landing.pathname).toBe('/dashboard');
    expect((await boss.browser.json<SessionMember>('/api/auth/me')).body.role).toBe('owner');
  });
});

describe('sign-in throttling', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await startTestApp();
  });

  afterAll(async () => {
    await sut.close();
  });

  it('answers 429 once someone hammers the sign-in endpoint', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 40; attempt++) {
      statuses.push((await fetch(`${sut.baseUrl}/api/auth/twitch`, { redirect: 'manual' })).status);
    }

    expect(statuses.slice(0, 30).every((status) => status === 302)).toBe(true);
    expect(statuses.slice(30)).toContain(429);
  });
});
