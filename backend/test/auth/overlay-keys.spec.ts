import {
  type ApiErrorBody,
  type IssuedOverlayKey,
  OVERLAY_NAMESPACE,
  type OverlayKey,
  type OverlaySession,
} from '@integron/contracts';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { overlayRoom, OverlayGateway } from '../../src/auth/overlay-keys/overlay.gateway.js';
import { ChannelsService } from '../../src/channels/channels.service.js';
import { signInTeam, type TeamSessions } from '../utils/sign-in.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

describe('overlay keys', () => {
  let sut: TestApp;
  let team: TeamSessions;
  let channelA: string;
  let channelB: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    sut = await startTestApp({ env: { DEMO_TRAFFIC_RATE: '0' } });
    team = await signInTeam(sut, 'keys');
    const channels = sut.app.get(ChannelsService);
    channelA = (await channels.upsert({ twitchId: '501', login: 'alpha', displayName: 'Alpha' }))
      .id;
    channelB = (await channels.upsert({ twitchId: '502', login: 'beta', displayName: 'Beta' })).id;
  });

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  afterAll(async () => {
    await sut.close();
  });

  const create = async (channelId: string, name: string) =>
    (
      await team.admin.json<IssuedOverlayKey>(`/api/channels/${channelId}/overlay-keys`, {
        method: 'POST',
        body: JSON.stringify({ name }),
      })
    ).body;

  const overlaySession = (key: string) =>
    fetch(`${sut.baseUrl}/api/overlay/session?key=${encodeURIComponent(key)}`);

  /** An OBS browser source connecting; resolves with what the server said first. */
  function connect(
    key: string | undefined,
  ): Promise<{ socket: Socket; ready?: OverlaySession; error?: Error }> {
    const socket = io(`${sut.baseUrl}${OVERLAY_NAMESPACE}`, {
      auth: key === undefined ? {} : { key },
      transports: ['websocket'],
      reconnection: false,
    });
    sockets.push(socket);
    return new Promise((settle) => {
      socket.on('ready', (ready: OverlaySession) => settle({ socket, ready }));
      socket.on('connect_error', (error) => settle({ socket, error }));
    });
  }

  it('issues a key once, with a copyable overlay URL, and stores only its hash', async () => {
    const issued = await create(channelA, 'Main scene');

    expect(issued.key).toMatch(/^ovk_[\w-]{32}$/);
    expect(issued.overlayUrl).toBe(`${sut.baseUrl}/overlay/?key=${issued.key}`);
    const listed = await team.admin.json<OverlayKey[]>(`/api/channels/${channelA}/overlay-keys`);
    expect(JSON.stringify(listed.body)).not.toContain(issued.key);
    expect(listed.body).toContainEqual(
      expect.objectContaining({
        id: issued.id,
        name: 'Main scene',
        prefix: issued.key.slice(0, 10),
      }),
    );
    const { rows } = await sut.database!.query('SELECT * FROM overlay_keys WHERE id = $1', [
      issued.id,
    ]);
    expect(JSON.stringify(rows)).not.toContain(issued.key.slice(10));
  });

  it("opens its own channel's overlay session and socket room, and nothing else", async () => {
    const issued = await create(channelA, 'Alerts');

    const session = await overlaySession(issued.key);
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({
      channel: { id: channelA, login: 'alpha' },
      keyName: 'Alerts',
    });

    const { socket, ready } = await connect(issued.key);
    expect(ready?.channel.login).toBe('alpha');

    const other = await connect((await create(channelB, 'Elsewhere')).key);
    const heard: Record<string, string[]> = { alpha: [], beta: [] };
    socket.on('ready', (again: OverlaySession) => heard.alpha!.push(again.keyName));
    other.socket.on('ready', (again: OverlaySession) => heard.beta!.push(again.keyName));
    const namespace = sut.app.get(OverlayGateway).namespace;
    namespace.to(overlayRoom(channelB)).emit('ready', { ...ready!, keyName: 'for beta only' });
    await expect.poll(() => heard.beta).toEqual(['for beta only']);
    expect(heard.alpha).toEqual([]);

    for (const path of ['/api/team', '/api/channels', '/api/twitch-accounts']) {
      const withKey = await fetch(`${sut.baseUrl}${path}?key=${issued.key}`, {
        headers: { 'X-Overlay-Key': issued.key },
      });
      expect(withKey.status, path).toBe(401);
    }
  });

  it('refuses sockets without a key or with an unknown one', async () => {
    const missing = await connect(undefined);
    const unknown = await connect('ovk_thisisnotakeythisisnotakeyatall');

    expect(missing.error?.message).toMatch(/overlay key/);
    expect(unknown.error?.message).toMatch(/overlay key/);
  });

  it('rotates a key: the old key stops working at once, sockets included', async () => {
    const issued = await create(channelB, 'Chat box');
    const { socket } = await connect(issued.key);
    const disconnected = new Promise<string>((resolve) => socket.on('disconnect', resolve));

    const rotated = await team.admin.json<IssuedOverlayKey>(
      `/api/overlay-keys/${issued.id}/rotate`,
      {
        method: 'POST',
      },
    );

    expect(rotated.status).toBe(200);
    expect(rotated.body.key).not.toBe(issued.key);
    expect(await disconnected).toBe('io server disconnect');
    expect((await overlaySession(issued.key)).status).toBe(401);
    expect((await overlaySession(rotated.body.key)).status).toBe(200);
    expect((await connect(issued.key)).error).toBeInstanceOf(Error);
  });

  it('revokes a key: its sockets are cut off and it opens nothing', async () => {
    const issued = await create(channelB, 'Old scene');
    const { socket } = await connect(issued.key);
    const disconnected = new Promise<string>((resolve) => socket.on('disconnect', resolve));

    const revoked = await team.admin.fetch(`/api/overlay-keys/${issued.id}`, { method: 'DELETE' });

    expect(revoked.status).toBe(204);
    expect(await disconnected).toBe('io server disconnect');
    expect((await overlaySession(issued.key)).status).toBe(401);
    const listed = await team.admin.json<OverlayKey[]>(`/api/channels/${channelB}/overlay-keys`);
    expect(listed.body.map((key) => key.id)).not.toContain(issued.id);
  });

  it('rejects a blank name and an unknown channel clearly', async () => {
    const blank = await team.admin.json<ApiErrorBody>(`/api/channels/${channelA}/overlay-keys`, {
      method: 'POST',
      body: JSON.stringify({ name: '   ' }),
    });
    const nowhere = await team.admin.json<ApiErrorBody>('/api/channels/999999/overlay-keys', {
      method: 'POST',
      body: JSON.stringify({ name: 'Lost' }),
    });

    expect(blank).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(nowhere).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });

  it('answers 400 naming the parameter to ids that are not ids, however long', async () => {
    const requests = {
      channelId: [
        ['GET', '/api/channels/abc/overlay-keys'],
        ['POST', '/api/channels/99999999999999999999/overlay-keys'],
      ],
      id: [
        ['POST', '/api/overlay-keys/abc/rotate'],
        ['DELETE', '/api/overlay-keys/99999999999999999999'],
      ],
    };

    for (const [parameter, calls] of Object.entries(requests)) {
      for (const [method, path] of calls) {
        const answer = await team.admin.json<ApiErrorBody>(path!, {
          method,
          ...(method === 'POST' ? { body: JSON.stringify({ name: 'Named' }) } : {}),
        });
        expect(answer.status, `${method} ${path}`).toBe(400);
        expect(answer.body).toMatchObject({
          code: 'VALIDATION_FAILED',
          details: [{ field: parameter }],
        });
      }
    }
  });
});
