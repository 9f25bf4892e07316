import {
  type ApiErrorBody,
  type ArchivedMessage,
  type Page,
  PAGE_OFFSET_MAX,
  PAGE_TOTAL_CAP,
} from '@integron/contracts';
import { type ChatMessageHappening, type SimUser } from '@integron/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveApp } from '../../utils/archive-app.js';

const DAY = 24 * 60 * 60_000;

describe('archived messages', () => {
  let archive: ArchiveApp;
  let channelA: string;
  let channelB: string;
  let alice: SimUser;
  let bob: SimUser;
  let carol: SimUser;
  let dave: SimUser;
  const lines: Record<string, ChatMessageHappening> = {};

  const page = async (query: string) => {
    const { status, body } = await archive.team.moderator.json<Page<ArchivedMessage>>(
      `/api/messages?${query}`,
    );
    expect(status, JSON.stringify(body)).toBe(200);
    return body;
  };
  const texts = async (query: string) => (await page(query)).items.map((item) => item.text);

  beforeAll(async () => {
    archive = await ArchiveApp.start();
    const [a, b] = archive.channels;
    [alice, bob, carol, dave] = archive.chatters as [SimUser, SimUser, SimUser, SimUser];
    channelA = await archive.channelId(a!);
    channelB = await archive.channelId(b!);
    const { events } = archive;
    const now = Date.now();
    const at = (line: ChatMessageHappening, ms: number) => ({ ...line, at: ms });
    lines.old = at(
      events.chatMessage(a!.broadcaster, alice, 'an old quokka sighting'),
      now - 45 * DAY,
    );
    lines.hello = at(events.chatMessage(a!.broadcaster, alice, 'hello world'), now - 3 * DAY);
    lines.german = at(events.chatMessage(a!.broadcaster, bob, 'Grüße aus Köln 😀'), now - 2 * DAY);
    lines.japanese = at(events.chatMessage(b!.broadcaster, alice, 'こんにちは 世界'), now - DAY);
    lines.helloB = at(
      events.chatMessage(b!.broadcaster, bob, 'hello there, world traveller'),
      now - 4000,
    );
    lines.doomed = at(
      events.chatMessage(a!.broadcaster, carol, 'this one gets deleted'),
      now - 3000,
    );
    lines.quoted = at(
      events.chatMessage(a!.broadcaster, dave, 'she said "a, b" then\nleft'),
      now - 1000,
    );
    await archive.happen(
      lines.old,
      lines.hello,
      lines.german,
      lines.japanese,
      lines.helloB,
      lines.doomed,
      {
        ...events.subscription(a!.broadcaster, dave, {
          cumulativeMonths: 3,
          message: { text: 'three months of quokka' },
        }),
        at: now - 2000,
      },
      events.deleteMessage(lines.doomed, archive.simulator.population.bots[0]!),
      lines.quoted,
    );
  });

  afterAll(async () => {
    await archive.close();
  });

  it('lists every channel’s lines newest first, as the archive keeps them', async () => {
    const sut = await page('limit=200');

    expect(sut.items.map((item) => item.text)).toEqual([
      'she said "a, b" then\nleft',
      'three months of quokka',
      'this one gets deleted',
      'hello there, world traveller',
      'こんにちは 世界',
      'Grüße aus Köln 😀',
      'hello world',
      'an old quokka sighting',
    ]);
    expect(sut).toMatchObject({ total: 8, totalCapped: false, limit: 200, offset: 0 });
    expect(sut.items.find((item) => item.text === 'hello world')).toEqual({
      twitchMessageId: lines.hello!.id,
      channel: {
        id: channelA,
        twitchId: archive.channels[0]!.broadcaster.id,
        login: archive.channels[0]!.broadcaster.login,
        displayName: archive.channels[0]!.broadcaster.displayName,
      },
      user: { id: alice.id, login: alice.login, displayName: alice.displayName },
      kind: 'message',
      noticeType: null,
      text: 'hello world',
      systemText: null,
      isAction: false,
      color: alice.chatColor || null,
      badges: expect.any(Array) as unknown,
      emotes: [],
      bits: 0,
      replyParentId: null,
      isFirstMessage: false,
      sentAt: new Date(lines.hello!.at).toISOString(),
      deletedAt: null,
      deletedBy: null,
    });
  });

  it('keeps notices as notices, with what Twitch showed', async () => {
    const [notice] = (await page(`userId=${dave.id}&q=months`)).items;

    expect(notice).toMatchObject({ kind: 'notice', noticeType: 'resub', user: { id: dave.id } });
    expect(notice?.systemText).toContain('3 months');
  });

  it('filters by channel, author and time, in any combination', async () => {
    expect(await texts(`channelId=${channelB}`)).toEqual([
      'hello there, world traveller',
      'こんにちは 世界',
    ]);
    expect(await texts(`userId=${alice.id}`)).toEqual([
      'こんにちは 世界',
      'hello world',
      'an old quokka sighting',
    ]);
    expect(await texts(`userId=${alice.id}&channelId=${channelA}`)).toEqual([
      'hello world',
      'an old quokka sighting',
    ]);
    const since = new Date(lines.hello!.at).toISOString();
    const until = new Date(lines.japanese!.at).toISOString();
    // since is inclusive, until exclusive.
    expect(await texts(`since=${since}&until=${until}`)).toEqual([
      'Grüße aus Köln 😀',
      'hello world',
    ]);
  });

  it('searches the text, in one channel or across channels, in any script', async () => {
    expect(await texts('q=hello')).toEqual(['hello there, world traveller', 'hello world']);
    expect(await texts(`q=hello&channelId=${channelA}`)).toEqual(['hello world']);
    expect(await texts(`q=${encodeURIComponent('grüße')}`)).toEqual(['Grüße aus Köln 😀']);
    expect(await texts(`q=${encodeURIComponent('KÖLN')}`)).toEqual(['Grüße aus Köln 😀']);
    expect(await texts(`q=${encodeURIComponent('こんにちは')}`)).toEqual(['こんにちは 世界']);
    expect(await texts(`q=${encodeURIComponent('"hello world"')}`)).toEqual(['hello world']);
    expect(await texts(`q=${encodeURIComponent('hello -traveller')}`)).toEqual(['hello world']);
    expect(await texts('q=nothingmatchesthis')).toEqual([]);
  });

  it('finds matches in older months when the newest ones do not fill the page', async () => {
    const sut = await page('q=quokka');

    expect(sut.items.map((item) => item.text)).toEqual([
      'three months of quokka',
      'an old quokka sighting',
    ]);
    expect(sut.total).toBe(2);
  });

  it('shows deleted messages marked, or leaves them out', async () => {
    const [deleted] = (await page(`userId=${carol.id}`)).items;

    expect(deleted?.text).toBe('this one gets deleted');
    expect(Date.parse(deleted!.deletedAt!)).toBeGreaterThanOrEqual(lines.doomed!.at);
    // IRC does not say who deleted it.
    expect(deleted?.deletedBy).toBeNull();
    expect(await texts(`userId=${carol.id}&includeDeleted=false`)).toEqual([]);
    expect((await page('includeDeleted=false&limit=200')).total).toBe(7);
  });

  it('gives one message by its Twitch id', async () => {
    const { status, body } = await archive.team.moderator.json<ArchivedMessage>(
      `/api/messages/${lines.german!.id}`,
    );

    expect(status).toBe(200);
    expect(body).toMatchObject({ text: 'Grüße aus Köln 😀', user: { id: bob.id } });
    const missing = await archive.team.moderator.json<ApiErrorBody>(
      '/api/messages/00000000-0000-4000-8000-000000000000',
    );
    expect(missing).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });

  it('pages through long lists, counting up to the cap', async () => {
    const [, , c] = archive.channels;
    const channelC = await archive.channelId(c!);
    const { events } = archive;
    const start = Date.now() - 60_000;
    const many = Array.from({ length: PAGE_TOTAL_CAP + 5 }, (_, i) => ({
      ...events.chatMessage(c!.broadcaster, archive.chatters[10 + (i % 20)]!, `bulk line ${i}`),
      at: start + i,
    }));
    await archive.happen(...many);

    const first = await page(`channelId=${channelC}&limit=200`);
    expect(first).toMatchObject({ total: PAGE_TOTAL_CAP, totalCapped: true, limit: 200 });
    expect(first.items[0]?.text).toBe(`bulk line ${PAGE_TOTAL_CAP + 4}`);
    const deep = await page(`channelId=${channelC}&limit=3&offset=10000`);
    expect(deep.items.map((item) => item.text)).toEqual([
      'bulk line 4',
      'bulk line 3',
      'bulk line 2',
    ]);
    const searched = await page(`q=bulk&limit=2&offset=1`);
    expect(searched).toMatchObject({ total: PAGE_TOTAL_CAP, totalCapped: true });
    expect(searched.items.map((item) => item.text)).toEqual([
      `bulk line ${PAGE_TOTAL_CAP + 3}`,
      `bulk line ${PAGE_TOTAL_CAP + 2}`,
    ]);
    const exact = await page(`q=${encodeURIComponent('bulk 7')}&channelId=${channelC}`);
    expect(exact).toMatchObject({ total: 1, totalCapped: false });
  });

  it.each([
    ['limit=0', 'limit must be a whole number from 1 to 200'],
    ['limit=201', 'limit must be a whole number from 1 to 200'],
    ['limit=ten', 'limit must be a whole number from 1 to 200'],
    [`offset=${PAGE_OFFSET_MAX + 1}`, 'narrow the filters'],
    ['channelId=abc', "channelId must be a channel's numeric id"],
    ['userId=nightowl', 'userId must be a Twitch user id'],
    ['since=yesterday', 'since must be an ISO 8601 time'],
    ['until=2026-11-22T10:00', 'until must be an ISO 8601 time with a zone'],
    ['since=2026-11-22T00:00:00Z&until=2026-11-21T00:00:00Z', 'since must be earlier than until'],
    ['includeDeleted=maybe', 'includeDeleted must be true or false'],
    [`q=${'x'.repeat(201)}`, 'q must be at most 200 characters'],
    ['colour=red', 'property colour should not exist'],
  ])('refuses %s with a message that says what to fix', async (query, message) => {
    const { status, body } = await archive.team.moderator.json<ApiErrorBody>(
      `/api/messages?${query}`,
    );

    expect(status).toBe(400);
    expect(body.message).toContain(message);
  });

  it('are documented in OpenAPI, every route with its response shape', async () => {
    const document = (await (
      await archive.team.moderator.fetch('/api/docs/openapi.json')
    ).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>;
      components: { schemas: Record<string, { properties?: Record<string, { items?: unknown }> }> };
    };
    const documented = (path: string, method: string, status: string) =>
      document.paths[path]?.[method]?.responses[status];

    for (const [path, method] of [
      ['/api/messages', 'get'],
      ['/api/messages/{twitchMessageId}', 'get'],
      ['/api/users', 'get'],
      ['/api/users/{twitchId}', 'get'],
      ['/api/users/{twitchId}/messages', 'get'],
      ['/api/users/{twitchId}/mod-actions', 'get'],
      ['/api/users/{twitchId}/names', 'get'],
      ['/api/users/{twitchId}/activity', 'get'],
      ['/api/mod-actions', 'get'],
      ['/api/mod-actions/stats', 'get'],
      ['/api/mod-actions/{id}/review', 'patch'],
      ['/api/mod-actions/{id}/context', 'get'],
      ['/api/channels/{id}/stats', 'get'],
      ['/api/archive/overview', 'get'],
      ['/api/archive/settings', 'get'],
      ['/api/archive/settings', 'put'],
    ] as const)
      expect(documented(path, method, '200')?.content, `${method} ${path}`).toBeDefined();
    expect(documented('/api/archive/settings/log-api-key', 'post', '201')?.content).toBeDefined();
    expect(documented('/api/users/{twitchId}', 'delete', '204')).toBeDefined();
    expect(documented('/api/exports/messages', 'get', '200')).toBeDefined();
    expect(document.components.schemas.ArchivedMessagePageDto?.properties?.items?.items).toEqual({
      $ref: '#/components/schemas/ArchivedMessageDto',
    });
    expect(document.components.schemas.ModActionPageDto?.properties?.items?.items).toEqual({
      $ref: '#/components/schemas/ModActionDto',
    });
  });

  it('refuses a message id that is not one', async () => {
    const { status, body } = await archive.team.moderator.json<ApiErrorBody>(
      '/api/messages/not-a-uuid',
    );

    expect(status).toBe(400);
    expect(body.message).toContain('twitchMessageId must be a Twitch message id');
  });
});
