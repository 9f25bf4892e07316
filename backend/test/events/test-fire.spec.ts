import {
  type ApiErrorBody,
  type LoggedStreamEvent,
  type Page,
  STREAM_EVENT_TYPES,
  type StreamEvent,
} from '@integron/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamEventsService } from '../../src/events/stream-events.service.js';
import { ArchiveApp } from '../utils/archive-app.js';

/** The test panel's API: any stream event, generated or given, to the overlays or through it all. */
describe('firing test events', () => {
  let archive: ArchiveApp;
  let channelId: string;
  const accepted: StreamEvent[] = [];

  beforeAll(async () => {
    archive = await ArchiveApp.start();
    channelId = await archive.channelId(archive.channels[0]!);
    archive.sut.app.get(StreamEventsService).accepted$.subscribe((event) => accepted.push(event));
  });

  afterAll(async () => {
    await archive.close();
  });

  const fire = (body: unknown) =>
    archive.owner.json<{ event: StreamEvent } & ApiErrorBody>('/api/events/test', {
      method: 'POST',
      body: JSON.stringify(body),
    });
  const settled = () => archive.sut.app.get(StreamEventsService).drained();
  const logged = async (query: string) =>
    (await archive.owner.json<Page<LoggedStreamEvent>>(`/api/events${query}`)).body;

  it('fires a generated event of every type through the pipeline, logged as a test', async () => {
    await archive.owner.json('/api/events/settings', {
      method: 'PUT',
      body: JSON.stringify({ keepLiveOnlyEvents: true }),
    });
    for (const type of STREAM_EVENT_TYPES) {
      const fired = await fire({ channelId, type });
      expect(fired, type).toMatchObject({ status: 201, body: { event: { type, source: 'test' } } });
    }
    await settled();

    const page = await logged('?limit=50');
    expect(
      page.items
        .filter((item) => item.isTest)
        .map((item) => item.event.type)
        .sort(),
    ).toEqual([...STREAM_EVENT_TYPES].sort());
    expect(
      accepted
        .filter((event) => event.source === 'test')
        .map((event) => event.type)
        .sort(),
    ).toEqual([...STREAM_EVENT_TYPES].sort());
    expect((await logged('?includeTests=false')).total).toBe(0);
  });

  it('shows an event on the overlays only, without logging it', async () => {
    const before = (await logged('?types=raid')).total;
    const fired = await fire({
      channelId,
      type: 'raid',
      target: 'overlays',
      payload: { from: { id: '4242', login: 'bigraider', displayName: 'BigRaider' }, viewers: 999 },
    });
    await settled();

    expect(fired.status).toBe(201);
    expect(accepted.at(-1)).toMatchObject({
      type: 'raid',
      viewers: 999,
      from: { login: 'bigraider' },
    });
    expect((await logged('?types=raid')).total).toBe(before);
  });

  it('says which field of a custom payload is wrong, and fires nothing', async () => {
    const count = accepted.length;
    const answer = await fire({
      channelId,
      type: 'sub',
      payload: { user: { id: 'abc', login: 'x', displayName: 'X' }, plan: '9000' },
    });

    expect(answer.status).toBe(400);
    expect(
      (answer.body.details as { field: string }[]).map((detail) => detail.field).sort(),
    ).toEqual(['payload.plan', 'payload.user.id']);
    expect(accepted.length).toBe(count);
  });

  it('refuses an unknown channel or type with a clear error', async () => {
    expect((await fire({ channelId: '999999', type: 'follow' })).status).toBe(404);
    const badType = await fire({ channelId, type: 'party' });
    expect(badType.status).toBe(400);
    expect(badType.body.details).toMatchObject([{ field: 'type' }]);
  });

  it('offers a sample the panel can send back as it is', async () => {
    const sample = await archive.owner.json<{ payload: Record<string, unknown> }>(
      '/api/events/test/sample?type=gift',
    );
    const fired = await fire({ channelId, type: 'gift', payload: sample.body.payload });

    expect(sample.body.payload).toMatchObject({ count: 5 });
    expect(fired).toMatchObject({ status: 201, body: { event: { type: 'gift', count: 5 } } });
  });

  it('fires a logged event again, as a new test event', async () => {
    const [original] = (await logged('?types=cheer')).items;
    const refired = await archive.owner.json<{ event: StreamEvent }>(
      `/api/events/${original!.id}/refire`,
      { method: 'POST', body: '{}' },
    );
    await settled();

    expect(refired.status).toBe(201);
    expect(refired.body.event).toMatchObject({ type: 'cheer', source: 'test' });
    expect(refired.body.event.eventId).not.toBe(original!.event.eventId);
    expect((await logged('?types=cheer')).total).toBe(2);
  });
});
