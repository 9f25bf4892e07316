import {
  type ApiErrorBody,
  type ArchiveOverview,
  type ChannelStats,
  type ModAction,
  type ModActionContext,
  type ModActionStats,
  type Page,
  REVIEW_NOTE_MAX_LENGTH,
} from '@integron/contracts';
import { type SimUser } from '@integron/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveApp } from '../../utils/archive-app.js';
import { type HttpBrowser } from '../../utils/http-browser.js';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

describe('moderation and stats', () => {
  let archive: ArchiveApp;
  let channelA: string;
  let channelB: string;
  let talker: SimUser;
  let spammer: SimUser;
  let troll: SimUser;
  let bystander: SimUser;

  const get = async <T>(path: string, browser: HttpBrowser = archive.team.moderator) => {
    const { status, body } = await browser.json<T>(path);
    expect(status, JSON.stringify(body)).toBe(200);
    return body;
  };
  const actions = async (query = '') =>
    (await get<Page<ModAction>>(`/api/mod-actions?${query}`)).items;
  const actionOf = async (type: string, targetId: string) => {
    const [action] = await actions(`type=${type}&targetId=${targetId}`);
    if (!action) throw new Error(`No ${type} of ${targetId}`);
    return action;
  };
  const review = (id: string, body: unknown) =>
    archive.team.moderator.json<ModAction & ApiErrorBody>(`/api/mod-actions/${id}/review`, {
      method: 'PATCH',
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    archive = await ArchiveApp.start();
    const [a, b] = archive.channels;
    [talker, spammer, troll, bystander] = archive.chatters as [SimUser, SimUser, SimUser, SimUser];
    channelA = await archive.channelId(a!);
    channelB = await archive.channelId(b!);
    const { events } = archive;
    const bot = archive.simulator.population.bots[0]!;
    const now = Date.now();
    const at = <T extends { at: number }>(happening: T, ago: number): T => ({
      ...happening,
      at: now - ago,
    });
    const spam = at(events.chatMessage(a!.broadcaster, spammer, 'buy followers'), 9_000);
    await archive.happen(
      // Two days ago, so that the stats have more than one day.
      at(events.timeout(a!.broadcaster, troll, bot, 600), 2 * DAY),
      at(events.chatMessage(a!.broadcaster, talker, 'first'), 20_000),
      at(events.chatMessage(a!.broadcaster, bystander, 'meanwhile'), 19_000),
      at(events.chatMessage(a!.broadcaster, talker, 'second'), 18_000),
      at(events.chatMessage(b!.broadcaster, talker, 'elsewhere'), 17_000),
      at(events.chatMessage(a!.broadcaster, talker, 'third'), 16_000),
      at(events.timeout(a!.broadcaster, talker, bot, 60), 15_000),
      at(events.chatMessage(a!.broadcaster, talker, 'after the timeout'), 14_000),
      spam,
      at(events.deleteMessage(spam, bot), 8_000),
      at(events.chatMessage(b!.broadcaster, bystander, 'b one'), 7_000),
      at(events.chatMessage(b!.broadcaster, troll, 'b two'), 6_000),
      at(events.ban(b!.broadcaster, troll, bot), 5_000),
      at(events.clearChat(b!.broadcaster, bot), 3_000),
      at(events.chatMessage(b!.broadcaster, bystander, 'after the clear'), 2_000),
    );
  });

  afterAll(async () => {
    await archive.close();
  });

  describe('the list', () => {
    it('has every action newest first, with its channel, target and related message', async () => {
      const sut = await get<Page<ModAction>>('/api/mod-actions');

      expect(sut.items.map((action) => action.type)).toEqual([
        'clear',
        'ban',
        'delete',
        'timeout',
        'timeout',
      ]);
      expect(sut).toMatchObject({ total: 5, totalCapped: false });
      const timeout = sut.items[3]!;
      expect(timeout).toMatchObject({
        channel: { id: channelA },
        type: 'timeout',
        moderator: null,
        target: { id: talker.id, login: talker.login, displayName: talker.displayName },
        durationSeconds: 60,
        reason: null,
        relatedMessage: { text: 'third' },
        source: 'irc',
        review: { status: 'pending', note: null, reviewer: null, reviewedAt: null },
      });
      expect(sut.items[2]).toMatchObject({
        type: 'delete',
        target: { id: spammer.id },
        relatedMessage: { text: 'buy followers' },
      });
      expect(sut.items[0]).toMatchObject({ type: 'clear', target: null, relatedMessage: null });
    });

    it('filters by type, channel, target, status and time', async () => {
      expect((await actions('type=timeout')).map((action) => action.target?.id)).toEqual([
        talker.id,
        troll.id,
      ]);
      expect((await actions(`channelId=${channelB}`)).map((action) => action.type)).toEqual([
        'clear',
        'ban',
      ]);
      expect((await actions(`targetId=${troll.id}&channelId=${channelA}`)).length).toBe(1);
      expect(await actions(`moderatorId=${troll.id}`)).toEqual([]);
      const since = new Date(Date.now() - DAY).toISOString();
      expect(await actions(`since=${since}&type=timeout`)).toHaveLength(1);
      expect(await actions(`until=${since}`)).toHaveLength(1);
      expect(await actions('status=flagged&type=ban')).toEqual([]);
      const paged = await get<Page<ModAction>>('/api/mod-actions?limit=2&offset=1');
      expect(paged.items.map((action) => action.type)).toEqual(['ban', 'delete']);
      expect(paged.total).toBe(5);
    });

    it.each([
      ['type=kick', 'type must be one of ban, timeout'],
      ['status=done', 'status must be one of pending, ok, flagged'],
      ['moderatorId=abc', 'moderatorId must be a Twitch user id'],
      ['since=last-week', 'since must be an ISO 8601 time'],
      ['offset=-1', 'offset must be a whole number from 0 to 10000'],
    ])('refuses %s with a message that says what to fix', async (query, message) => {
      const { status, body } = await archive.team.moderator.json<ApiErrorBody>(
        `/api/mod-actions?${query}`,
      );

      expect(status).toBe(400);
      expect(body.message).toContain(message);
    });
  });

  describe('review', () => {
    it('records status, note, reviewer and time, and can be taken back', async () => {
      const ban = await actionOf('ban', troll.id);
      const member = await get<{ id: string; login: string }>('/api/auth/me');

      const flagged = await review(ban.id, { status: 'flagged', note: 'was this fair?' });
      expect(flagged.status).toBe(200);
      expect(flagged.body.review).toMatchObject({
        status: 'flagged',
        note: 'was this fair?',
        reviewer: { id: member.id, login: member.login },
      });
      expect(Date.parse(flagged.body.review.reviewedAt!)).toBeGreaterThan(Date.now() - 60_000);
      expect((await actions('status=flagged')).map((action) => action.id)).toEqual([ban.id]);

      // Without a note the note stays; null clears it.
      expect((await review(ban.id, { status: 'ok' })).body.review).toMatchObject({
        status: 'ok',
        note: 'was this fair?',
      });
      expect((await review(ban.id, { status: 'ok', note: null })).body.review.note).toBeNull();
      expect((await review(ban.id, { status: 'pending' })).body.review).toMatchObject({
        status: 'pending',
        reviewer: null,
        reviewedAt: null,
      });
    });

    it.each([
      [{ status: 'approved' }, 'status must be one of pending, ok, flagged'],
      [{}, 'status must be one of'],
      [{ status: 'ok', note: 'x'.repeat(REVIEW_NOTE_MAX_LENGTH + 1) }, 'note must be at most 2000'],
      [{ status: 'ok', note: 42 }, 'note must be text or null'],
    ])('refuses %j', async (body, message) => {
      const ban = await actionOf('ban', troll.id);

      const sut = await review(ban.id, body);

      expect(sut.status).toBe(400);
      expect(sut.body.message).toContain(message);
    });

    it('says so for an action that does not exist, or an id that is not one', async () => {
      expect((await review('999999', { status: 'ok' })).status).toBe(404);
      expect((await review('abc', { status: 'ok' })).body.message).toContain(
        'id must be a numeric id',
      );
    });
  });

  describe('context', () => {
    it('shows what the target wrote in that channel up to the action, oldest first', async () => {
      const timeout = await actionOf('timeout', talker.id);

      const sut = await get<ModActionContext>(`/api/mod-actions/${timeout.id}/context`);

      expect(sut.action.id).toBe(timeout.id);
      expect(sut.messages.map((message) => message.text)).toEqual(['first', 'second', 'third']);
      const last = await get<ModActionContext>(`/api/mod-actions/${timeout.id}/context?limit=2`);
      expect(last.messages.map((message) => message.text)).toEqual(['second', 'third']);
    });

    it("shows the channel's last lines before a clear", async () => {
      const [clear] = await actions('type=clear');

      const sut = await get<ModActionContext>(`/api/mod-actions/${clear!.id}/context?limit=3`);

      expect(sut.messages.map((message) => message.text)).toEqual(['elsewhere', 'b one', 'b two']);
    });

    it('refuses a limit out of range', async () => {
      const { status, body } = await archive.team.moderator.json<ApiErrorBody>(
        '/api/mod-actions/1/context?limit=101',
      );

      expect(status).toBe(400);
      expect(body.message).toContain('limit must be a whole number from 1 to 100');
    });
  });

  describe('stats', () => {
    it('count by type and by day over the last 7 days by default', async () => {
      const sut = await get<ModActionStats>('/api/mod-actions/stats');

      expect(sut.byType).toEqual({
        ban: 1,
        timeout: 2,
        unban: 0,
        untimeout: 0,
        delete: 1,
        clear: 1,
      });
      expect(sut.series).toHaveLength(8);
      const today = new Date();
      today.setUTCHours(0, 0, 0, 0);
      expect(sut.series.at(-1)).toEqual({
        at: today.toISOString(),
        counts: { ban: 1, timeout: 1, unban: 0, untimeout: 0, delete: 1, clear: 1 },
      });
      expect(sut.series.at(-3)?.counts.timeout).toBe(1);
      expect(sut.unattributed).toBe(5);
      expect(sut.topModerators).toEqual([]);
    });

    it('count per hour for one channel', async () => {
      const since = new Date(Date.now() - 3 * HOUR).toISOString();

      const sut = await get<ModActionStats>(
        `/api/mod-actions/stats?bucket=hour&since=${since}&channelId=${channelA}`,
      );

      expect(sut.series).toHaveLength(4);
      expect(sut.byType).toMatchObject({ timeout: 1, delete: 1, ban: 0, clear: 0 });
    });

    it('rank the moderators Twitch named', async () => {
      // Only EventSub names moderators, and it does not feed the archive yet: the row is written
      // as the archive writes an EventSub action.
      await archive.db.query(
        `INSERT INTO mod_actions (event_key, channel_id, type, moderator_id, moderator_login, moderator_name,
                                  target_id, target_login, target_name, occurred_at, source)
         VALUES ('eventsub-test-1', $1, 'ban', 4242, 'named_mod', 'Named_Mod', $2, $3, $3, now(), 'eventsub')`,
        [channelA, bystander.id, bystander.login],
      );

      try {
        const sut = await get<ModActionStats>('/api/mod-actions/stats');

        expect(sut.topModerators).toEqual([
          { moderator: { id: '4242', login: 'named_mod', displayName: 'Named_Mod' }, count: 1 },
        ]);
        expect(sut.unattributed).toBe(5);
        expect((await actions('moderatorId=4242')).map((action) => action.target?.id)).toEqual([
          bystander.id,
        ]);
      } finally {
        await archive.db.query(`DELETE FROM mod_actions WHERE event_key = 'eventsub-test-1'`);
      }
    });

    it.each([
      ['bucket=week', 'bucket must be hour or day'],
      ['bucket=hour&since=2026-01-01T00:00:00Z&until=2026-03-01T00:00:00Z', 'at most 31 days'],
      ['since=2024-01-01T00:00:00Z&until=2026-01-01T00:00:00Z', 'at most 366 days'],
      ['since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z', 'since must be earlier than until'],
    ])('refuse %s', async (query, message) => {
      const { status, body } = await archive.team.moderator.json<ApiErrorBody>(
        `/api/mod-actions/stats?${query}`,
      );

      expect(status).toBe(400);
      expect(body.message).toContain(message);
    });
  });

  describe('channel stats', () => {
    it('show messages per hour, recent chatters and mod actions of the window', async () => {
      const sut = await get<ChannelStats>(`/api/channels/${channelA}/stats`);

      expect(sut.channel).toMatchObject({
        id: channelA,
        login: archive.channels[0]!.broadcaster.login,
      });
      expect(sut.messagesPerHour).toHaveLength(24);
      const hour = new Date();
      hour.setUTCMinutes(0, 0, 0);
      const lastHours = sut.messagesPerHour.slice(-2);
      expect(lastHours.at(-1)?.at).toBe(hour.toISOString());
      // The lines of the last 20 seconds may straddle the hour.
      expect(lastHours.reduce((sum, point) => sum + point.messages, 0)).toBe(6);
      expect(sut.totalMessages).toBe(6);
      expect(sut.activeUsers).toEqual({ lastHour: 3, lastDay: 3 });
      expect(sut.modActions).toEqual({
        ban: 0,
        timeout: 1,
        unban: 0,
        untimeout: 0,
        delete: 1,
        clear: 0,
      });

      const week = await get<ChannelStats>(`/api/channels/${channelA}/stats?hours=72`);
      expect(week.messagesPerHour).toHaveLength(72);
      expect(week.modActions.timeout).toBe(2);
    });

    it('say so for an unknown channel or a window out of range', async () => {
      expect((await archive.team.moderator.json('/api/channels/999999/stats')).status).toBe(404);
      const { status, body } = await archive.team.moderator.json<ApiErrorBody>(
        `/api/channels/${channelA}/stats?hours=0`,
      );
      expect(status).toBe(400);
      expect(body.message).toContain('hours must be a whole number from 1 to 720');
    });
  });

  describe('the overview', () => {
    it('sums up the archive for the dashboard', async () => {
      const sut = await get<ArchiveOverview>('/api/archive/overview');

      expect(sut.totals).toEqual({ messages: 10, chatters: 4, modActions: 5, channels: 3 });
      expect(sut.messagesPerHour).toHaveLength(24);
      expect(sut.messagesPerHour.reduce((sum, point) => sum + point.messages, 0)).toBe(10);
      expect(sut.mostActiveChannels.map((entry) => [entry.channel.id, entry.messages])).toEqual([
        [channelA, 6],
        [channelB, 4],
      ]);
      const once = [spammer, troll].sort((x, y) => x.login.localeCompare(y.login));
      expect(sut.mostActiveChatters.map((entry) => [entry.user.id, entry.messages])).toEqual([
        [talker.id, 5],
        [bystander.id, 3],
        ...once.map((chatter) => [chatter.id, 1]),
      ]);
      expect(sut.recentModActions.map((action) => action.type)).toEqual([
        'clear',
        'ban',
        'delete',
        'timeout',
        'timeout',
      ]);
      expect(sut.pendingReviews).toBe(5);
    });
  });
});
