import {
  type ActivityPoint,
  type ApiErrorBody,
  type ArchivedMessage,
  type ChatterProfile,
  type ChatterSummary,
  type ModAction,
  type NameHistoryEntry,
  type Page,
} from '@integron/contracts';
import { type SimUser } from '@integron/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveApp } from '../../utils/archive-app.js';

const DAY = 24 * 60 * 60_000;

describe('chatters', () => {
  let archive: ArchiveApp;
  let channelA: string;
  let channelB: string;
  let zedOne: SimUser;
  let zedTwo: SimUser;
  let zedThree: SimUser;
  let renamed: SimUser;

  const moderator = () => archive.team.moderator;
  const get = async <T>(path: string) => {
    const { status, body } = await moderator().json<T>(path);
    expect(status, JSON.stringify(body)).toBe(200);
    return body;
  };
  const logins = async (q: string) =>
    (await get<Page<ChatterSummary>>(`/api/users?q=${encodeURIComponent(q)}`)).items.map(
      (item) => item.user.login,
    );

  beforeAll(async () => {
    archive = await ArchiveApp.start();
    const { world } = archive.simulator.twitch;
    zedOne = world.createUser({ login: 'zed_one', displayName: 'Zed_One' });
    zedTwo = world.createUser({ login: 'zedtwo', displayName: 'ZedTwo' });
    zedThree = world.createUser({ login: 'zedthree', displayName: 'ZedThree' });
    renamed = world.createUser({ login: 'oldhandle', displayName: 'OldHandle' });
    const [a, b] = archive.channels;
    channelA = await archive.channelId(a!);
    channelB = await archive.channelId(b!);
    const { events } = archive;
    const bot = archive.simulator.population.bots[0]!;
    const now = Date.now();
    const at = <T extends { at: number }>(happening: T, ago: number): T => ({
      ...happening,
      at: now - ago,
    });
    const doomed = at(events.chatMessage(a!.broadcaster, zedTwo, 'gone soon'), 7000);
    await archive.happen(
      at(events.chatMessage(a!.broadcaster, zedTwo, 'two days ago'), 2 * DAY),
      at(events.chatMessage(a!.broadcaster, zedTwo, 'cheer100 take my bits', { bits: 100 }), 9000),
      at(events.chatMessage(b!.broadcaster, zedTwo, 'over in B'), 8000),
      doomed,
      at(events.deleteMessage(doomed, bot), 6000),
      at(events.timeout(a!.broadcaster, zedTwo, bot, 60), 5000),
      at(events.ban(b!.broadcaster, zedTwo, bot, 'spam'), 4000),
      events.chatMessage(a!.broadcaster, zedOne, 'one'),
      events.chatMessage(a!.broadcaster, zedThree, 'three'),
      events.chatMessage(a!.broadcaster, zedThree, 'three again'),
      at(events.chatMessage(a!.broadcaster, renamed, 'before the rename'), 3000),
    );
    world.renameUser(renamed.id, 'newhandle', 'NewHandle');
    await archive.happen(events.chatMessage(a!.broadcaster, renamed, 'after the rename'));
  });

  afterAll(async () => {
    await archive.close();
  });

  it('are found by the first letters of their login, busiest first, exact matches before', async () => {
    expect(await logins('ZED')).toEqual(['zedtwo', 'zedthree', 'zed_one']);
    // `_` is a letter of logins, not a wildcard.
    expect(await logins('zed_')).toEqual(['zed_one']);
    expect(await logins('zedthree')).toEqual(['zedthree']);
    expect(await logins('@zedt')).toEqual(['zedtwo', 'zedthree']);
    expect(await logins('zzz_nobody')).toEqual([]);
    const page = await get<Page<ChatterSummary>>('/api/users?q=zed&limit=1&offset=1');
    expect(page).toMatchObject({ total: 3, totalCapped: false, limit: 1, offset: 1 });
    expect(page.items).toEqual([
      {
        user: { id: zedThree.id, login: 'zedthree', displayName: 'ZedThree' },
        firstSeen: expect.any(String) as unknown,
        lastSeen: expect.any(String) as unknown,
        messageCount: 2,
      },
    ]);
  });

  it('are ranked the same way when a prefix matches thousands', async () => {
    const { world } = archive.simulator.twitch;
    const [a] = archive.channels;
    const crowd = Array.from({ length: 2_100 }, (_, i) =>
      world.createUser({ login: `crowd_${i}`, displayName: `Crowd_${i}` }),
    );
    const exact = world.createUser({ login: 'crowd', displayName: 'Crowd' });
    const loud = crowd[1_234]!;
    await archive.happen(
      ...crowd.map((user) => archive.events.chatMessage(a!.broadcaster, user, 'here')),
      archive.events.chatMessage(a!.broadcaster, exact, 'me too'),
      archive.events.chatMessage(a!.broadcaster, loud, 'again'),
      archive.events.chatMessage(a!.broadcaster, loud, 'and again'),
    );

    const sut = await get<Page<ChatterSummary>>('/api/users?q=crowd&limit=3');

    expect(sut.total).toBe(2_101);
    expect(sut.items.map((item) => [item.user.login, item.messageCount])).toEqual([
      ['crowd', 1],
      [loud.login, 3],
      [expect.stringMatching(/^crowd_\d+$/) as unknown, 1],
    ]);
    expect(
      (await get<Page<ChatterSummary>>('/api/users?q=crowd&limit=2&offset=2')).items,
    ).toHaveLength(2);
  });

  it('are all listed, the busiest first, without a search', async () => {
    const everyone = await get<Page<ChatterSummary>>('/api/users?limit=200');
    const counts = everyone.items.map((item) => item.messageCount);

    // The crowd of the test before, the zeds and the rest.
    expect(everyone.total).toBeGreaterThan(2_101);
    expect(everyone.items).toHaveLength(200);
    expect(counts[0]).toBeGreaterThanOrEqual(3);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect((await get<Page<ChatterSummary>>('/api/users?q=&limit=200')).total).toBe(everyone.total);
  });

  it('are found by a login they had before, and by Twitch id', async () => {
    expect(await logins('oldhand')).toEqual(['newhandle']);
    expect(await logins(zedOne.id)).toEqual(['zed_one']);
  });

  it('have a profile: totals, each channel, bans, timeouts and deleted messages', async () => {
    const sut = await get<ChatterProfile>(`/api/users/${zedTwo.id}`);

    expect(sut).toMatchObject({
      user: { id: zedTwo.id, login: 'zedtwo', displayName: 'ZedTwo' },
      messageCount: 4,
      bitsTotal: 100,
      bans: 1,
      timeouts: 1,
      deletedMessages: 1,
    });
    expect(sut.channels.map((channel) => [channel.channel.id, channel.messageCount])).toEqual([
      [channelA, 3],
      [channelB, 1],
    ]);
    expect(sut.channels[0]).toMatchObject({
      bitsTotal: 100,
      subMonths: expect.any(Number) as unknown,
    });
    expect(Date.parse(sut.firstSeen)).toBeLessThan(Date.now() - DAY);
  });

  it('keep every name they were seen with, the latest first', async () => {
    const names = await get<NameHistoryEntry[]>(`/api/users/${renamed.id}/names`);

    expect(names.map((name) => [name.login, name.displayName])).toEqual([
      ['newhandle', 'NewHandle'],
      ['oldhandle', 'OldHandle'],
    ]);
    expect((await get<ChatterProfile>(`/api/users/${renamed.id}`)).user.login).toBe('newhandle');
  });

  it('have their messages and the mod actions against them, newest first', async () => {
    const messages = await get<Page<ArchivedMessage>>(`/api/users/${zedTwo.id}/messages`);
    expect(messages.items.map((message) => message.text)).toEqual([
      'gone soon',
      'over in B',
      'cheer100 take my bits',
      'two days ago',
    ]);
    expect(messages.items[0]?.deletedAt).not.toBeNull();
    const inA = await get<Page<ArchivedMessage>>(
      `/api/users/${zedTwo.id}/messages?channelId=${channelA}&includeDeleted=false&limit=1`,
    );
    expect(inA.items.map((message) => message.text)).toEqual(['cheer100 take my bits']);
    expect(inA.total).toBe(2);

    const actions = await get<Page<ModAction>>(`/api/users/${zedTwo.id}/mod-actions`);
    expect(actions.items.map((action) => action.type)).toEqual(['ban', 'timeout', 'delete']);
    const bans = await get<Page<ModAction>>(`/api/users/${zedTwo.id}/mod-actions?type=ban`);
    expect(bans.items).toHaveLength(1);
    expect(bans.items[0]).toMatchObject({
      channel: { id: channelB },
      target: { id: zedTwo.id, login: 'zedtwo' },
      relatedMessage: { text: 'over in B' },
    });
  });

  it('have their activity per UTC day, oldest first, quiet days included', async () => {
    const sut = await get<ActivityPoint[]>(`/api/users/${zedTwo.id}/activity?days=5`);

    const today = new Date();
    today.setUTCHours(0, 0, 0, 0);
    expect(sut.map((point) => point.at)).toEqual(
      [4, 3, 2, 1, 0].map((days) => new Date(today.getTime() - days * DAY).toISOString()),
    );
    expect(sut.map((point) => point.messages)).toEqual([0, 0, 1, 0, 3]);
    expect(await get<ActivityPoint[]>(`/api/users/${zedTwo.id}/activity`)).toHaveLength(30);
  });

  it('are not found when the archive never saw them', async () => {
    const { status, body } = await moderator().json<ApiErrorBody>('/api/users/999999999');

    expect(status).toBe(404);
    expect(body.code).toBe('NOT_FOUND');
  });

  it.each([
    ['/api/users?q=a_login_longer_than_twitch_allows', 'q must be at most 25 characters'],
    ['/api/users?q=zed&limit=500', 'limit must be a whole number from 1 to 200'],
    ['/api/users/nightowl', 'twitchId must be a numeric id'],
    ['/api/users/123/activity?days=0', 'days must be a whole number from 1 to 366'],
    ['/api/users/123/messages?userId=5', 'property userId should not exist'],
    ['/api/users/123/mod-actions?type=kick', 'type must be one of'],
  ])('refuse %s with a message that says what to fix', async (path, message) => {
    const { status, body } = await moderator().json<ApiErrorBody>(path);

    expect(status).toBe(400);
    expect(body.message).toContain(message);
  });

  describe('hard delete', () => {
    it('is for admins', async () => {
      const { status } = await moderator().fetch(`/api/users/${zedTwo.id}`, { method: 'DELETE' });

      expect(status).toBe(403);
      expect((await get<ChatterProfile>(`/api/users/${zedTwo.id}`)).messageCount).toBe(4);
    });

    it('removes everything of the chatter, keeps the rest, and is audited', async () => {
      const admin = archive.team.admin;
      const totalBefore = await hourlyTotal();

      const response = await admin.fetch(`/api/users/${zedTwo.id}`, { method: 'DELETE' });

      expect(response.status).toBe(204);
      expect((await moderator().json(`/api/users/${zedTwo.id}`)).status).toBe(404);
      expect((await get<Page<ArchivedMessage>>(`/api/messages?userId=${zedTwo.id}`)).total).toBe(0);
      expect((await get<Page<ModAction>>(`/api/mod-actions?targetId=${zedTwo.id}`)).total).toBe(0);
      expect(await logins('zed')).toEqual(['zedthree', 'zed_one']);
      expect(await hourlyTotal()).toBe(totalBefore - 4);
      const { rows } = await archive.db.query<{
        actor_id: string;
        actor_login: string;
        action: string;
        subject: string;
        details: unknown;
      }>('SELECT actor_id::text, actor_login, action, subject, details FROM audit_log');
      const member = await admin.json<{ id: string; login: string }>('/api/auth/me');
      expect(rows).toEqual([
        {
          actor_id: member.body.id,
          actor_login: member.body.login,
          action: 'chatter.deleted',
          subject: zedTwo.id,
          details: { messages: 4, modActions: 3, channels: 2, names: 1 },
        },
      ]);
      expect((await admin.fetch(`/api/users/${zedTwo.id}`, { method: 'DELETE' })).status).toBe(404);
    });

    async function hourlyTotal(): Promise<number> {
      const { rows } = await archive.db.query<{ n: number }>(
        'SELECT coalesce(sum(messages), 0)::int AS n FROM channel_hourly_activity',
      );
      return rows[0]!.n;
    }
  });
});
