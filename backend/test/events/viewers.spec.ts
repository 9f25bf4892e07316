import { type ApiErrorBody, type EventsSummary, type Page, type Viewer } from '@integron/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamEventsService } from '../../src/events/stream-events.service.js';
import { ArchiveApp } from '../utils/archive-app.js';

/** Viewers as the archive counts them over real IRC, with their images from the simulated Helix. */
describe('viewers and the day’s events', () => {
  let archive: ArchiveApp;
  let channelId: string;

  beforeAll(async () => {
    archive = await ArchiveApp.start();
    channelId = await archive.channelId(archive.channels[0]!);
    const channel = archive.channels[0]!.broadcaster;
    const [talker, cheerer, subscriber] = archive.chatters.slice(50, 53);
    const { events } = archive;
    await archive.happen(
      ...Array.from({ length: 5 }, (_, i) => events.chatMessage(channel, talker!, `hi ${i}`)),
      events.chatMessage(channel, cheerer!, 'Cheer300 wow', { bits: 300 }),
      events.subscription(channel, subscriber!, { cumulativeMonths: 9, message: { text: 'nine' } }),
    );
    await archive.sut.app.get(StreamEventsService).drained();
  });

  afterAll(async () => {
    await archive.close();
  });

  const viewers = async (query: string) =>
    (await archive.owner.json<Page<Viewer>>(`/api/viewers?channelId=${channelId}&${query}`)).body;

  it('sorts a channel’s viewers by messages, bits or sub months, most first', async () => {
    const [talker, cheerer, subscriber] = archive.chatters.slice(50, 53);

    expect((await viewers('sort=messages&limit=1')).items[0]).toMatchObject({
      user: { login: talker!.login },
      messageCount: 5,
      channel: { id: channelId },
    });
    expect((await viewers('sort=bits&limit=1')).items[0]).toMatchObject({
      user: { login: cheerer!.login },
      bitsTotal: 300,
    });
    expect((await viewers('sort=subMonths&limit=1')).items[0]).toMatchObject({
      user: { login: subscriber!.login },
      subMonths: 9,
    });
    const ascending = (await viewers('sort=messages&order=asc')).items.map((v) => v.messageCount);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  });

  it('finds viewers by the start of their name and shows their Twitch profile image', async () => {
    const talker = archive.chatters[50]!;
    const page = await viewers(`q=${talker.login.slice(0, 5)}`);

    expect(page.items.map((viewer) => viewer.user.login)).toContain(talker.login);
    const found = page.items.find((viewer) => viewer.user.login === talker.login)!;
    expect(found.profileImageUrl).toBe(talker.profileImageUrl);
  });

  it('says which viewers parameter is wrong', async () => {
    const answer = await archive.owner.json<ApiErrorBody>('/api/viewers?sort=loudest');

    expect(answer.status).toBe(400);
    expect(answer.body.details).toMatchObject([{ field: 'sort' }]);
  });

  it('counts today’s events by type', async () => {
    const summary = (await archive.owner.json<EventsSummary>('/api/events/summary')).body;

    expect(summary.counts).toMatchObject({ cheer: 1, resub: 1, follow: 0 });
    expect(summary.total).toBe(2);
    expect(summary.since).toBe(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
  });
});
