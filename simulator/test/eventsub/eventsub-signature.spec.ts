import { describe, expect, it } from 'vitest';
import { eventSubSignature } from '../../src/eventsub/eventsub-signature.js';

describe(eventSubSignature.name, () => {
  // twitch_api's verify_request test vector, as PROTOCOL A2 cites it.
  const body =
    '{"subscription":{"id":"ae2ff348-e102-16be-a3eb-6830c1bf38d2","status":"enabled","type":"channel.follow","version":"1","condition":{"broadcaster_user_id":"44429626"},"transport":{"method":"webhook","callback":"null"},"created_at":"2021-02-19T23:47:00.7621315Z"},"event":{"user_id":"28408015","user_login":"testFromUser","user_name":"testFromUser","broadcaster_user_id":"44429626","broadcaster_user_login":"44429626","broadcaster_user_name":"testBroadcaster"}}';

  it('matches the independent test vector', () => {
    const sut = eventSubSignature(
      'secretabcd',
      'ae2ff348-e102-16be-a3eb-6830c1bf38d2',
      '2021-02-19T23:47:00.8091512Z',
      body,
    );

    expect(sut).toBe('sha256=d10f5bd9474b7ac7bd7105eb79c2d52768b4d0cd2a135982c3bf5a1d59a78823');
  });
});
