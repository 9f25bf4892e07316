import { EVENTSUB_TYPES, TWITCH_ACCOUNT_SCOPES } from '@integron/contracts';
import { describe, expect, it } from 'vitest';
import { eventSubEventId } from './eventsub-event-id.js';
import { EVENTSUB_TOPICS, missingScope } from './eventsub-topics.js';

const topicOf = (type: string) => EVENTSUB_TOPICS.find((topic) => topic.type === type)!;

describe('EVENTSUB_TOPICS', () => {
  it('covers every type once, in the order of the contracts', () => {
    expect(EVENTSUB_TOPICS.map((topic) => topic.type)).toEqual([...EVENTSUB_TYPES]);
  });

  it('asks for nothing a connected broadcaster account lacks, over either transport', () => {
    const granted = [...TWITCH_ACCOUNT_SCOPES.broadcaster];

    for (const transport of ['websocket', 'webhook'] as const)
      expect(
        EVENTSUB_TOPICS.filter((topic) => missingScope(topic, granted, transport)),
        transport,
      ).toEqual([]);
    for (const topic of EVENTSUB_TOPICS.filter((topic) => topic.scopes.length > 0))
      expect(granted, topic.type).toContain(topic.scopes[0]);
  });

  it('names the scope Integron asks for when none of the accepted ones is granted', () => {
    const redemptions = topicOf('channel.channel_points_custom_reward_redemption.add');

    expect(missingScope(redemptions, ['chat:read'], 'websocket')).toBe('channel:read:redemptions');
    expect(missingScope(redemptions, ['channel:manage:redemptions'], 'webhook')).toBeNull();
    expect(missingScope(topicOf('stream.online'), [], 'webhook')).toBeNull();
  });

  it("needs the reader's user:bot for chat types over webhooks only, as Twitch does for app tokens", () => {
    for (const type of ['channel.chat.clear', 'channel.chat.message_delete']) {
      const chat = topicOf(type);

      expect(missingScope(chat, ['user:read:chat'], 'websocket'), type).toBeNull();
      expect(missingScope(chat, ['user:read:chat'], 'webhook'), type).toBe('user:bot');
      expect(missingScope(chat, ['user:read:chat', 'user:bot'], 'webhook'), type).toBeNull();
      expect(missingScope(chat, ['user:bot'], 'webhook'), type).toBe('user:read:chat');
    }
  });
});

describe(eventSubEventId.name, () => {
  it("is Twitch's message id with the type, which a re-delivery repeats", () => {
    expect(eventSubEventId('channel.follow', 'b3f1c2', () => ({}))).toBe(
      'eventsub:channel.follow:b3f1c2',
    );
  });

  it('is a digest of the type and the event without a message id', () => {
    const raw = { user_id: '1', followed_at: '2026-11-22T10:00:00Z' };
    const id = eventSubEventId('channel.follow', null, () => raw);

    expect(id).toMatch(/^eventsub:channel\.follow:sha256-[0-9a-f]{64}$/);
    expect(eventSubEventId('channel.follow', null, () => ({ ...raw }))).toBe(id);
    expect(eventSubEventId('channel.subscribe', null, () => raw)).not.toBe(id);
  });
});
