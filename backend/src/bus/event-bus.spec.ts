import {
  type ChatMessageEvent,
  type StreamOnlineEvent,
  type TwitchEvent,
} from '@integron/contracts';
import { describe, expect, it, vi } from 'vitest';
import { Logger } from '@nestjs/common';
import { EventBus } from './event-bus.js';

const channel = { id: '1001', login: 'teamcaptain', displayName: 'TeamCaptain' };

const chatMessage: ChatMessageEvent = {
  type: 'chat.message',
  eventId: 'm-1',
  channel,
  occurredAt: '2026-11-22T10:00:00.000Z',
  source: 'irc',
  messageId: 'm-1',
  user: { id: '2002', login: 'viewer', displayName: 'Viewer' },
  text: 'hello',
  isAction: false,
  color: null,
  badges: [],
  emotes: [],
  bits: 0,
  replyParent: null,
  isFirstMessage: false,
  subscriberMonths: 0,
  rawIrc: null,
};

const streamOnline: StreamOnlineEvent = {
  type: 'stream.online',
  eventId: 's-1',
  channel,
  occurredAt: '2026-11-22T10:00:00.000Z',
  source: 'eventsub',
  streamId: '9001',
  startedAt: '2026-11-22T10:00:00.000Z',
};

describe(EventBus.name, () => {
  it('delivers each event only to the handlers of its type, in publish order', () => {
    const sut = new EventBus();
    const chat: string[] = [];
    const any: string[] = [];
    sut.on('chat.message', (event) => void chat.push(event.text));
    sut.on(['chat.message', 'stream.online'], (event) => void any.push(event.eventId));

    sut.publish(chatMessage);
    sut.publish(streamOnline);

    expect(chat).toEqual(['hello']);
    expect(any).toEqual(['m-1', 's-1']);
  });

  it('keeps delivering to the others when a handler throws or rejects', async () => {
    const sut = new EventBus();
    const logged = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const received: TwitchEvent[] = [];
    sut.on('chat.message', () => {
      throw new Error('boom');
    });
    sut.on('chat.message', () => Promise.reject(new Error('async boom')));
    sut.on('chat.message', (event) => void received.push(event));

    sut.publish(chatMessage);
    await new Promise((done) => setImmediate(done));

    expect(received).toEqual([chatMessage]);
    expect(logged).toHaveBeenCalledTimes(2);
    logged.mockRestore();
  });

  it('logs a throwing stream() subscriber instead of crashing, and keeps the stream going', async () => {
    const sut = new EventBus();
    const logged = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const received: TwitchEvent[] = [];
    sut.stream().subscribe(() => {
      throw new Error('boom');
    });
    sut.stream().subscribe((event) => void received.push(event));

    sut.publish(chatMessage);
    sut.publish(streamOnline);
    await new Promise((done) => setTimeout(done, 10));

    expect(received).toEqual([chatMessage, streamOnline]);
    expect(logged).toHaveBeenCalledWith(
      'An observable subscriber threw and nothing handled it',
      expect.stringContaining('boom'),
    );
    logged.mockRestore();
  });

  it('stops delivering after unsubscribe', () => {
    const sut = new EventBus();
    const received: TwitchEvent[] = [];
    const unsubscribe = sut.on('chat.message', (event) => void received.push(event));

    unsubscribe();
    sut.publish(chatMessage);

    expect(received).toEqual([]);
  });
});
