import { randomUUID } from 'node:crypto';
import { roleAtLeast, TEAM_ROLES, type IssuedOverlayKey, type TeamRole } from '@integron/contracts';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { GATEWAY_METADATA, GATEWAY_OPTIONS } from '@nestjs/websockets/constants';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_POLICY, type AuthPolicy } from '../../src/auth/auth-policy.js';
import { ChannelsService } from '../../src/channels/channels.service.js';
import { HttpBrowser } from '../utils/http-browser.js';
import { signInTeam, signInWithTwitch, type TeamSessions } from '../utils/sign-in.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

/** Every route anyone may call without signing in, and why. A new public route must be added here. */
const PUBLIC_ROUTES: Record<string, string> = {
  'GET /api/health': 'liveness probe',
  'GET /api/health/ready': 'readiness probe',
  'GET /metrics': 'Prometheus scraping',
  'GET /api/auth/twitch': 'starts sign-in',
  'GET /api/auth/twitch/callback': "Twitch's redirect back, checked by OAuth state",
  // Demo mode only: the simulated Twitch's pages, relayed from its loopback-only address.
  'GET /demo/twitch/auth/authorize': 'demo: the simulated Twitch consent page, before sign-in',
  'POST /demo/twitch/auth/authorize': 'demo: the person’s answer on that page',
  'GET /demo/twitch/auth/activate': 'demo: the simulated Twitch device-code page',
  'POST /demo/twitch/auth/activate': 'demo: the person’s answer on that page',
  // The log APIs chat clients read, public like the peers' unless the admin requires the log API key.
  'GET /channels': 'justlog/rustlog: the archived channels',
  'GET /list': 'justlog/rustlog: the days and months with logs',
  'GET /channel/:channel/user/:user/random': 'justlog/rustlog: a random line',
  'GET /channel/:channel/userid/:user/random': 'justlog/rustlog: a random line',
  'GET /channelid/:channel/user/:user/random': 'justlog/rustlog: a random line',
  'GET /channelid/:channel/userid/:user/random': 'justlog/rustlog: a random line',
  'GET /channel/:channel/user/:user/:year/:month': 'justlog/rustlog: a day or month of logs',
  'GET /channel/:channel/userid/:user/:year/:month': 'justlog/rustlog: a day or month of logs',
  'GET /channelid/:channel/user/:user/:year/:month': 'justlog/rustlog: a day or month of logs',
  'GET /channelid/:channel/userid/:user/:year/:month': 'justlog/rustlog: a day or month of logs',
  'GET /channel/:channel/user/:user': 'justlog/rustlog: a range, or a redirect to the newest logs',
  'GET /channel/:channel/userid/:user':
    'justlog/rustlog: a range, or a redirect to the newest logs',
  'GET /channelid/:channel/user/:user':
    'justlog/rustlog: a range, or a redirect to the newest logs',
  'GET /channelid/:channel/userid/:user':
    'justlog/rustlog: a range, or a redirect to the newest logs',
  'GET /channel/:channel/random': 'justlog/rustlog: a random line',
  'GET /channelid/:channel/random': 'justlog/rustlog: a random line',
  'GET /channel/:channel/:year/:month/:day': 'justlog/rustlog: a day or month of logs',
  'GET /channelid/:channel/:year/:month/:day': 'justlog/rustlog: a day or month of logs',
  'GET /channel/:channel': 'justlog/rustlog: a range, or a redirect to the newest logs',
  'GET /channelid/:channel': 'justlog/rustlog: a range, or a redirect to the newest logs',
  'GET /api/v2/recent-messages/:login': 'recent-messages v2: the lines chat clients load on join',
};

interface Route {
  method: string;
  path: string;
  policy: AuthPolicy | undefined;
}

/** The route table as Nest registered it: every controller of every module. */
function routeTable(sut: TestApp): Route[] {
  const reflector = sut.app.get(Reflector);
  const routes: Route[] = [];
  for (const module of sut.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const policy = reflector.getAllAndOverride<AuthPolicy | undefined>(AUTH_POLICY, [
          handler,
          controller,
        ]);
        // A handler may answer several paths; each is a route of its own.
        const own = [Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined]
          .flat()
          .map((part) => part ?? '');
        for (const part of own) {
          const path = `/${[base, part]
            .map((piece) => piece.replace(/^\/|\/$/g, ''))
            .filter(Boolean)
            .join('/')}`;
          routes.push({ method: RequestMethod[method], path, policy });
        }
      }
    }
  }
  return routes;
}

/** Gateways' Socket.io namespaces. */
function namespaces(sut: TestApp): string[] {
  const found: string[] = [];
  for (const module of sut.app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const type = wrapper.metatype as object | null;
      if (!type || !Reflect.getMetadata(GATEWAY_METADATA, type)) continue;
      const options = Reflect.getMetadata(GATEWAY_OPTIONS, type) as { namespace?: string };
      found.push(options.namespace ?? '/');
    }
  }
  return found;
}

const key = (route: Route) => `${route.method} ${route.path}`;

/** Ids that exist nowhere, so a request that passes the guard ends in the handler's own answer. */
function concrete(path: string): string {
  return path.replace(/:flowId/g, randomUUID()).replace(/:[A-Za-z]+/g, '999999');
}

describe('access to every route', () => {
  let sut: TestApp;
  let team: TeamSessions;
  let routes: Route[];
  let overlayKey: IssuedOverlayKey;

  beforeAll(async () => {
    sut = await startTestApp({ env: { DEMO_TRAFFIC_RATE: '0' } });
    routes = routeTable(sut);
    team = await signInTeam(sut, 'matrix');
    const channel = await sut.app
      .get(ChannelsService)
      .upsert({ twitchId: '4242', login: 'matrixchannel', displayName: 'MatrixChannel' });
    overlayKey = (
      await team.admin.json<IssuedOverlayKey>(`/api/channels/${channel.id}/overlay-keys`, {
        method: 'POST',
        body: JSON.stringify({ name: 'Matrix' }),
      })
    ).body;
  });

  afterAll(async () => {
    await sut.close();
  });

  const call = (browser: HttpBrowser, route: Route, headers: Record<string, string> = {}) =>
    browser.fetch(concrete(route.path), {
      method: route.method,
      headers,
      ...(route.method === 'GET' ? {} : { body: '{}' }),
    });

  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.map(key)).toContain('GET /api/team');
  });

  it('has every route declare who may call it', () => {
    expect(routes.filter((route) => !route.policy).map(key)).toEqual([]);
  });

  it('keeps the public routes to the known list', () => {
    const publicRoutes = routes.filter((route) => route.policy?.kind === 'public').map(key);
    expect(publicRoutes.sort()).toEqual(Object.keys(PUBLIC_ROUTES).sort());
  });

  it('answers 401 to anonymous callers on every non-public route', async () => {
    const answers: Record<string, number> = {};
    for (const route of routes.filter((route) => route.policy?.kind !== 'public')) {
      answers[key(route)] = (await call(new HttpBrowser(sut.baseUrl), route)).status;
    }
    expect(Object.entries(answers).filter(([, status]) => status !== 401)).toEqual([]);
  });

  it('answers 403 to members whose role is too low', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      if (route.policy?.kind !== 'member') continue;
      const { minRole } = route.policy;
      for (const role of TEAM_ROLES.filter((role) => !roleAtLeast(role, minRole))) {
        const status = (await call(team[role], route)).status;
        if (status !== 403) wrong.push(`${key(route)} as ${role}: ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lets members with the right role through', async () => {
    const wrong: string[] = [];
    const memberRoutes = routes.filter((route) => route.policy?.kind === 'member');
    // Signing out ends the session, so it goes last.
    memberRoutes.sort(
      (a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'),
    );
    for (const route of memberRoutes) {
      const { minRole } = route.policy as { minRole: TeamRole };
      for (const role of TEAM_ROLES.filter((role) => roleAtLeast(role, minRole))) {
        const browser =
          route.path === '/api/auth/logout'
            ? (await signInWithTwitch(sut, `matrix${role}`)).browser
            : team[role];
        const status = (await call(browser, route)).status;
        if (status === 401 || status === 403 || status >= 500)
          wrong.push(`${key(route)} as ${role}: ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('opens overlay routes with an overlay key only, not with a team session', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((route) => route.policy?.kind === 'overlay-key')) {
      const withSession = (await call(team.owner, route)).status;
      const withKey = (
        await call(new HttpBrowser(sut.baseUrl), route, { 'X-Overlay-Key': overlayKey.key })
      ).status;
      if (withSession !== 401) wrong.push(`${key(route)} with a session: ${withSession}`);
      if (withKey >= 400) wrong.push(`${key(route)} with a key: ${withKey}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses overlay keys everywhere else', async () => {
    const opened: string[] = [];
    for (const route of routes.filter((route) => route.policy?.kind === 'member')) {
      const browser = new HttpBrowser(sut.baseUrl);
      const status = (await call(browser, route, { 'X-Overlay-Key': overlayKey.key })).status;
      if (status !== 401) opened.push(`${key(route)}: ${status}`);
    }
    expect(opened).toEqual([]);
  });

  it('refuses anonymous Socket.io connections on every namespace, the root one included', async () => {
    const found = namespaces(sut);
    expect(found.length).toBeGreaterThan(0);
    for (const namespace of new Set(['/', ...found])) {
      const socket = io(`${sut.baseUrl}${namespace}`, {
        transports: ['websocket'],
        reconnection: false,
      });
      const error = await new Promise<Error | null>((settle) => {
        socket.on('connect_error', settle);
        socket.on('connect', () => settle(null));
      });
      socket.close();
      expect(error, namespace).toBeInstanceOf(Error);
    }
  });
});
