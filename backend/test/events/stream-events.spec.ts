import {
  type ApiErrorBody,
  type EventsSettings,
  type LoggedStreamEvent,
  type Page,
  type PollEvent,
  type StreamEvent,
  type SubEvent,
} from '@integron/contracts';
import { type SimUser } from '@integron/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../src/bus/event-bus.js';
import { StreamEventsService } from '../../src/events/stream-events.service.js';
import { ArchiveApp } from '../utils/archive-app.js';

/** Chat's USERNOTICEs and cheers over real IRC, and events on the bus, into the events log. */
describe('the stream events log', () => {
  let archive: ArchiveApp;
  const accepted: StreamEvent[] = [];

  beforeAll(async () => {
    archive = await ArchiveApp.start();
    archive.sut.app.get(StreamEventsService).accepted$.subscribe((event) => accepted.push(event));
  });

  afterAll(async () => {
    await archive.close();
  });

  const ref = (user: SimUser) => ({
    id: user.id,
    login: user.login,
    displayName: user.displayName,
  });
  const channel = () => archive.channels[0]!.broadcaster;
  const settled = async () => {
    await archive.flushed();
    await archive.sut.app.get(StreamEventsService).drained();
  };
  const logged = async (query = '') =>
    (await archive.owner.json<Page<LoggedStreamEvent>>(`/api/events${query}`)).body;
  const acceptedOf = <T extends StreamEvent['type']>(type: T) =>
    accepted.filter((event): event is StreamEvent & { type: T } => event.type === type);

  it('makes one gift of a gift bomb told by chat, with its count and recipients', async () => {
    const [gifter, ...recipients] = archive.chatters.slice(0, 6);
    await archive.happen(archive.events.gift(channel(), gifter!, recipients, '2000'));
    await settled();

    const page = await logged('?types=gift');
    expect(page.total).toBe(1);
    expect(page.items[0]!.event).toMatchObject({
      type: 'gift',
      gifter: ref(gifter!),
      plan: '2000',
      count: 5,
      channel: ref(channel()),
    });
    expect((page.items[0]!.event as { recipients: unknown[] }).recipients).toHaveLength(5);
    expect(acceptedOf('gift')).toHaveLength(1);
  });

  it('logs subs, resubs, raids and cheers from chat', async () => {
    const [subscriber, resubscriber, raider, cheerer] = archive.chatters.slice(10, 14);
    await archive.happen(
      archive.events.subscription(channel(), subscriber!),
      archive.events.subscription(channel(), resubscriber!, {
        cumulativeMonths: 7,
        streakMonths: 3,
        message: { text: 'seven months!' },
      }),
      archive.events.raid(channel(), raider!, 321),
      archive.events.chatMessage(channel(), cheerer!, 'Cheer100 great stream', { bits: 100 }),
    );
    await settled();

    const page = await logged('?types=sub,resub,raid,cheer');
    expect(page.items.map((item) => item.event.type).sort()).toEqual([
      'cheer',
      'raid',
      'resub',
      'sub',
    ]);
    const byType = Object.fromEntries(page.items.map((item) => [item.event.type, item.event]));
    expect(byType.sub).toMatchObject({ user: ref(subscriber!), plan: '1000' });
    expect(byType.resub).toMatchObject({
      user: ref(resubscriber!),
      cumulativeMonths: 7,
      streakMonths: 3,
      message: { text: 'seven months!' },
    });
    expect(byType.raid).toMatchObject({ from: ref(raider!), viewers: 321 });
    expect(byType.cheer).toMatchObject({ user: ref(cheerer!), bits: 100 });
  });

  it('records a sub once, though chat and EventSub both tell it', async () => {
    const subscriber = archive.chatters[20]!;
    await archive.happen(archive.events.subscription(channel(), subscriber));
    await settled();
    // EventSub may tell it a moment after chat.
    await new Promise((later) => setTimeout(later, 300));
    await settled();

    const subs = (await logged('?types=sub')).items.filter(
      (item) => (item.event as SubEvent).user.id === subscriber.id,
    );
    expect(subs).toHaveLength(1);
    expect(acceptedOf('sub').filter((event) => event.user.id === subscriber.id)).toHaveLength(1);
  });

  it('filters by channel, type and the start of a login, newest first', async () => {
    const raider = archive.chatters[30]!;
    await archive.happen(archive.events.raid(archive.channels[1]!.broadcaster, raider, 5));
    await settled();
    const otherChannel = await archive.channelId(archive.channels[1]!);

    const page = await logged(`?channelId=${otherChannel}&user=${raider.login.slice(0, 4)}`);

    expect(page.items.map((item) => item.event)).toMatchObject([
      { type: 'raid', from: ref(raider) },
    ]);
    const all = await logged();
    const times = all.items.map((item) => item.event.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('says which filter is wrong', async () => {
    const answer = await archive.owner.json<ApiErrorBody>('/api/events?types=sub,party');

    expect(answer.status).toBe(400);
    expect(answer.body.details).toMatchObject([{ field: 'types' }]);
  });

  it('shows polls live without logging them, unless the setting keeps them', async () => {
    const poll = (id: string): PollEvent => ({
      type: 'poll.begin',
      eventId: `eventsub:poll-${id}`,
      channel: ref(channel()),
      occurredAt: new Date().toISOString(),
      source: 'eventsub',
      pollId: id,
      title: 'Best snack?',
      choices: [{ id: 'a', title: 'Chips', votes: 0 }],
      endsAt: new Date(Date.now() + 60_000).toISOString(),
      status: 'active',
    });
    const bus = archive.sut.app.get(EventBus);
    const refused = await archive.team.moderator.json('/api/events/settings', {
      method: 'PUT',
      body: JSON.stringify({ keepLiveOnlyEvents: true }),
    });

    bus.publish(poll('p1'));
    bus.publish(poll('p1'));
    await settled();
    const kept = await archive.owner.json<EventsSettings>('/api/events/settings', {
      method: 'PUT',
      body: JSON.stringify({ keepLiveOnlyEvents: true }),
    });
    bus.publish(poll('p2'));
    await settled();

    expect(refused.status).toBe(403);
    expect(kept.body).toEqual({ keepLiveOnlyEvents: true });
    expect(acceptedOf('poll.begin').map((event) => event.pollId)).toEqual(['p1', 'p2']);
    expect(
      (await logged('?types=poll.begin')).items.map((item) => (item.event as PollEvent).pollId),
    ).toEqual(['p2']);
  });
});
