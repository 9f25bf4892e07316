import { type ApiErrorBody, type Channel } from '@integron/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveApp } from '../utils/archive-app.js';

describe('channels', () => {
  let archive: ArchiveApp;

  beforeAll(async () => {
    archive = await ArchiveApp.start();
  });

  afterAll(async () => {
    await archive.close();
  });

  const admin = () => archive.team.admin;
  const list = async () => (await admin().json<Channel[]>('/api/channels')).body;
  const chatChannels = () =>
    archive.simulator.twitch.chat.clients().flatMap((client) => client.channels);

  it('are the simulated team on a first demo start, joined, with live connection state', async () => {
    const channels = await list();

    expect(channels.map((channel) => channel.login).sort()).toEqual(
      archive.channels.map((channel) => channel.broadcaster.login).sort(),
    );
    for (const channel of channels)
      expect(channel).toMatchObject({
        isActive: true,
        removedAt: null,
        connection: { state: 'joined', detail: null, readingAs: null },
      });
    expect(chatChannels().sort()).toEqual(channels.map((channel) => channel.login).sort());
  });

  it('counts archived messages per channel', async () => {
    const [first] = archive.channels;
    await archive.happen(
      archive.events.chatMessage(first!.broadcaster, archive.chatters[0]!, 'one'),
      archive.events.chatMessage(first!.broadcaster, archive.chatters[1]!, 'two'),
    );

    const channel = (await list()).find((each) => each.login === first!.broadcaster.login);
    expect(channel).toMatchObject({ messageCount: 2, messagesLastDay: 2 });
    expect(channel?.lastMessageAt).not.toBeNull();
  });

  it('adds a channel by its Twitch login, looked up on Twitch, and joins it', async () => {
    const newcomer = archive.simulator.twitch.world.createUser({
      login: 'newcomer',
      displayName: 'NewComer',
    });
    archive.simulator.twitch.world.createChannel(newcomer);

    const added = await admin().json<Channel>('/api/channels', {
      method: 'POST',
      body: JSON.stringify({ login: 'NewComer' }),
    });

    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      twitchId: newcomer.id,
      login: 'newcomer',
      displayName: 'NewComer',
      isActive: true,
    });
    await expect.poll(chatChannels).toContain('newcomer');
    await expect
      .poll(
        async () =>
          (await admin().json<Channel>(`/api/channels/${added.body.id}`)).body.connection.state,
      )
      .toBe('joined');
  });

  it('says so when no Twitch account has the login, or the channel is there already', async () => {
    const missing = await admin().json<ApiErrorBody>('/api/channels', {
      method: 'POST',
      body: JSON.stringify({ login: 'nobody_here_at_all' }),
    });
    const again = await admin().json<ApiErrorBody>('/api/channels', {
      method: 'POST',
      body: JSON.stringify({ login: 'newcomer' }),
    });
    const malformed = await admin().json<ApiErrorBody>('/api/channels', {
      method: 'POST',
      body: JSON.stringify({ login: 'not a login!' }),
    });

    expect(missing).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND', message: 'No Twitch account has the login "nobody_here_at_all".' },
    });
    expect(again).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    expect(malformed).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });

  it('deactivates (parts), reactivates (joins) and rejoins a channel', async () => {
    const channel = (await list()).find((each) => each.login === 'newcomer')!;

    const off = await admin().json<Channel>(`/api/channels/${channel.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ isActive: false }),
    });
    expect(off.body).toMatchObject({ isActive: false, connection: { state: 'parted' } });
    await expect.poll(chatChannels).not.toContain('newcomer');
    expect(
      (await admin().fetch(`/api/channels/${channel.id}/rejoin`, { method: 'POST' })).status,
    ).toBe(409);

    await admin().fetch(`/api/channels/${channel.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ isActive: true }),
    });
    await expect.poll(chatChannels).toContain('newcomer');
    expect(
      (await admin().fetch(`/api/channels/${channel.id}/rejoin`, { method: 'POST' })).status,
    ).toBe(204);
    await expect
      .poll(
        async () =>
          (await admin().json<Channel>(`/api/channels/${channel.id}`)).body.connection.state,
      )
      .toBe('joined');
  });

  it('removes a channel, keeping its history, and restores it when added again', async () => {
    const [first] = archive.channels;
    const channel = (await list()).find((each) => each.login === first!.broadcaster.login)!;

    expect((await admin().fetch(`/api/channels/${channel.id}`, { method: 'DELETE' })).status).toBe(
      204,
    );
    const removed = (await list()).find((each) => each.id === channel.id)!;
    expect(removed).toMatchObject({ isActive: false, messageCount: 2 });
    expect(removed.removedAt).not.toBeNull();
    await expect.poll(chatChannels).not.toContain(first!.broadcaster.login);

    const restored = await admin().json<Channel>('/api/channels', {
      method: 'POST',
      body: JSON.stringify({ login: first!.broadcaster.login }),
    });
    expect(restored.status).toBe(201);
    expect(restored.body).toMatchObject({ id: channel.id, removedAt: null, messageCount: 2 });
    await expect.poll(chatChannels).toContain(first!.broadcaster.login);
  });

  it('lets moderators look but not change', async () => {
    const moderator = archive.team.moderator;

    expect((await moderator.fetch('/api/channels')).status).toBe(200);
    expect(
      (
        await moderator.fetch('/api/channels', {
          method: 'POST',
          body: JSON.stringify({ login: 'newcomer' }),
        })
      ).status,
    ).toBe(403);
  });
});
