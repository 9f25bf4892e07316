import {
  type AlertCommand,
  type AlertQueueReport,
  type ChannelAlertQueue,
  type IssuedOverlayKey,
  type LoggedStreamEvent,
  OVERLAY_KEY_REFUSED,
  OVERLAY_NAMESPACE,
  OVERLAY_PREVIEW_NAME,
  OVERLAY_PREVIEW_REFUSED,
  type OverlayClientToServerEvents,
  type OverlayServerToClientEvents,
  type OverlaySession,
  type Page,
  type StreamEvent,
} from '@integron/contracts';
import { type SimChannel } from '@integron/simulator';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StreamEventsService } from '../../src/events/stream-events.service.js';
import { ArchiveApp } from '../utils/archive-app.js';
import { type HttpBrowser } from '../utils/http-browser.js';

type OverlayClient = Socket<OverlayServerToClientEvents, OverlayClientToServerEvents>;

interface Overlay {
  socket: OverlayClient;
  session: OverlaySession;
  commands: AlertCommand[];
}

const entry = (eventId: string) => ({ eventId, type: 'follow' as const, headline: 'ana followed' });
const report = (paused: boolean, waiting: string[]): AlertQueueReport => ({
  paused,
  showing: entry('shown-1'),
  waiting: waiting.map(entry),
});

/** The admin's control of a channel's alerts overlays, and overlay previews by the session. */
describe('alert queue control', () => {
  let archive: ArchiveApp;
  let channelId: string;
  let otherChannelId: string;
  let key: string;
  const sockets: OverlayClient[] = [];

  beforeAll(async () => {
    archive = await ArchiveApp.start();
    channelId = await archive.channelId(channel());
    otherChannelId = await archive.channelId(archive.channels[1]!);
    const issued = await archive.owner.json<IssuedOverlayKey>(
      `/api/channels/${channelId}/overlay-keys`,
      { method: 'POST', body: JSON.stringify({ name: 'Alerts scene' }) },
    );
    key = issued.body.key;
  });

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    await archive.owner.fetch(`/api/channels/${channelId}/alerts/actions`, {
      method: 'POST',
      body: JSON.stringify({ action: 'resume' }),
    });
  });

  afterAll(async () => {
    await archive.close();
  });

  function channel(): SimChannel {
    return archive.channels[0]!;
  }

  async function open(
    auth: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<Overlay> {
    const socket: OverlayClient = io(`${archive.sut.baseUrl}${OVERLAY_NAMESPACE}`, {
      auth,
      extraHeaders: headers,
      transports: ['websocket'],
      reconnection: false,
    });
    sockets.push(socket);
    const commands: AlertCommand[] = [];
    socket.on('alert-command', (command) => commands.push(command));
    const session = await new Promise<OverlaySession>((ready, refused) => {
      socket.on('ready', ready);
      socket.on('connect_error', refused);
    });
    return { socket, session, commands };
  }

  async function preview(browser: HttpBrowser, previewed = channelId, headers = {}) {
    const cookie = await browser.jar.getCookieString(archive.sut.baseUrl);
    return open({ preview: previewed }, { cookie, ...headers });
  }

  const queue = async (as: HttpBrowser = archive.owner) =>
    (await as.json<ChannelAlertQueue>(`/api/channels/${channelId}/alerts`)).body;

  const act = (action: unknown, as: HttpBrowser = archive.owner) =>
    as.fetch(`/api/channels/${channelId}/alerts/actions`, {
      method: 'POST',
      body: JSON.stringify({ action }),
    });

  it('lists what each alerts overlay reports, and ignores a report that is not a queue', async () => {
    const obs = await open({ key });
    await open({ key }); // a feed or chat page: it reports nothing, so it is no alerts overlay
    expect((await queue()).overlays).toEqual([]);

    obs.socket.emit('alert-queue', report(false, ['waiting-1', 'waiting-2']));
    await expect
      .poll(async () => (await queue()).overlays)
      .toEqual([
        {
          id: obs.socket.id,
          source: 'Alerts scene',
          preview: false,
          connectedAt: expect.any(String) as string,
          queue: report(false, ['waiting-1', 'waiting-2']),
        },
      ]);

    for (const bad of [
      { ...report(false, []), extra: true },
      { paused: 'no', showing: null, waiting: [] },
      { ...report(false, []), waiting: Array.from({ length: 101 }, (_, i) => entry(`w${i}`)) },
      { paused: false, showing: { ...entry('x'), type: 'nonsense' }, waiting: [] },
      'a string',
    ])
      obs.socket.emit('alert-queue', bad as unknown as AlertQueueReport);
    obs.socket.emit('alert-queue', report(true, ['after-the-bad-ones']));
    await expect
      .poll(async () => (await queue()).overlays[0]?.queue)
      .toEqual(report(true, ['after-the-bad-ones']));
  });

  it('relays pause, resume, skip and clear to every alerts overlay of the channel, and only it', async () => {
    const [one, two] = [await open({ key }), await open({ key })];
    const otherKey = (
      await archive.owner.json<IssuedOverlayKey>(`/api/channels/${otherChannelId}/overlay-keys`, {
        method: 'POST',
        body: JSON.stringify({ name: 'Other channel' }),
      })
    ).body.key;
    const other = await open({ key: otherKey });

    for (const action of ['pause', 'skip', 'clear', 'resume']) {
      const answer = await act(action);
      expect(answer.status).toBe(200);
    }
    const sent = ['pause', 'skip', 'clear', 'resume'].map((kind) => ({ kind }));
    await expect.poll(() => one.commands).toEqual(sent);
    await expect.poll(() => two.commands).toEqual(sent);
    expect(other.commands).toEqual([]);
  });

  it('keeps a paused channel paused for an overlay that opens or reconnects meanwhile', async () => {
    expect((await act('pause')).status).toBe(200);
    expect((await queue()).paused).toBe(true);
    const late = await open({ key });
    await expect.poll(() => late.commands).toEqual([{ kind: 'pause' }]);

    expect((await act('resume')).status).toBe(200);
    expect((await queue()).paused).toBe(false);
    const later = await open({ key });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(later.commands).toEqual([]);
  });

  it('replays a logged event of the channel as the event it was', async () => {
    const obs = await open({ key });
    const fired = await archive.owner.json<{ event: StreamEvent }>('/api/events/test', {
      method: 'POST',
      body: JSON.stringify({ channelId, type: 'cheer', target: 'pipeline' }),
    });
    await archive.sut.app.get(StreamEventsService).drained();
    const logged = await archive.owner.json<Page<LoggedStreamEvent>>(
      `/api/events?channelId=${channelId}&types=cheer`,
    );
    const entryOfFired = logged.body.items.find(
      (item) => item.event.eventId === fired.body.event.eventId,
    );
    expect(entryOfFired).toBeDefined();

    const replayed = await archive.owner.fetch(`/api/channels/${channelId}/alerts/replay`, {
      method: 'POST',
      body: JSON.stringify({ logId: entryOfFired!.id }),
    });
    expect(replayed.status).toBe(200);
    await expect.poll(() => obs.commands).toEqual([{ kind: 'replay', event: fired.body.event }]);

    const elsewhere = await archive.owner.fetch(`/api/channels/${otherChannelId}/alerts/replay`, {
      method: 'POST',
      body: JSON.stringify({ logId: entryOfFired!.id }),
    });
    expect(elsewhere.status).toBe(404);
    expect(((await elsewhere.json()) as { code: string }).code).toBe('NOT_FOUND');
  });

  it('answers bad requests and missing roles with clear errors', async () => {
    const bad = await act('explode');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('pause, resume, skip, clear') as string,
    });
    const badLog = await archive.owner.fetch(`/api/channels/${channelId}/alerts/replay`, {
      method: 'POST',
      body: JSON.stringify({ logId: 'DROP TABLE' }),
    });
    expect(badLog.status).toBe(400);
    expect((await archive.owner.fetch('/api/channels/999999/alerts')).status).toBe(404);
    expect((await archive.owner.fetch('/api/channels/x/alerts')).status).toBe(400);

    expect((await act('pause', archive.team.moderator)).status).toBe(403);
    expect((await archive.team.moderator.fetch(`/api/channels/${channelId}/alerts`)).status).toBe(
      403,
    );
    const anonymous = await fetch(`${archive.sut.baseUrl}/api/channels/${channelId}/alerts`);
    expect(anonymous.status).toBe(401);
    expect((await queue()).paused).toBe(false);
  });

  it("lets a signed-in admin preview a channel's overlays without a key", async () => {
    const mine = await preview(archive.team.admin);
    expect(mine.session).toMatchObject({
      channel: { id: channelId, login: channel().broadcaster.login },
      keyName: OVERLAY_PREVIEW_NAME,
    });
    mine.socket.emit('alert-queue', report(false, []));
    await expect
      .poll(async () => (await queue()).overlays.map((overlay) => overlay.preview))
      .toEqual([true]);
    await act('skip');
    await expect.poll(() => mine.commands).toEqual([{ kind: 'skip' }]);

    // The pages' own requests are previews too: their session, and the chat's badge images.
    const session = await archive.team.admin.json<OverlaySession>(
      `/api/overlay/session?preview=${channelId}`,
    );
    expect(session.body).toMatchObject({ keyName: OVERLAY_PREVIEW_NAME });
    const badges = await archive.team.admin.fetch(`/api/overlay/badges?preview=${channelId}`);
    expect(badges.status).toBe(200);
    const refused = await archive.team.moderator.fetch(`/api/overlay/badges?preview=${channelId}`);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { message: string }).message).toContain('?preview=');
  });

  it('refuses a preview without an admin session, from another site, or of an unknown channel', async () => {
    const refusal = (attempt: Promise<Overlay>) =>
      attempt.then(
        () => 'connected',
        (error: Error) => error.message,
      );
    expect(await refusal(open({ preview: channelId }))).toBe(OVERLAY_PREVIEW_REFUSED);
    expect(await refusal(preview(archive.team.moderator))).toBe(OVERLAY_PREVIEW_REFUSED);
    expect(
      await refusal(preview(archive.team.admin, channelId, { origin: 'https://evil.example' })),
    ).toBe(OVERLAY_PREVIEW_REFUSED);
    expect(await refusal(preview(archive.team.admin, '999999'))).toBe(OVERLAY_PREVIEW_REFUSED);
    expect(await refusal(preview(archive.team.admin, 'not-an-id'))).toBe(OVERLAY_PREVIEW_REFUSED);
    expect(await refusal(open({ key: 'ovk_wrong', preview: channelId }))).toBe(OVERLAY_KEY_REFUSED);
  });
});
