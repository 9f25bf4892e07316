import { describe, expect, it } from 'vitest';
import { scrubSecrets } from './secrets.js';

describe(scrubSecrets.name, () => {
  it('removes the secrets twurple quotes in its error messages, and keeps the rest', () => {
    const message = [
      'Encountered HTTP status code 400: Bad Request',
      'URL: https://id.twitch.tv/oauth2/token?grant_type=refresh_token&client_id=app1&client_secret=s3cr3t&refresh_token=r3fr3sh',
      'Body: {"status":400,"message":"Invalid refresh token","access_token":"acc3ss"}',
    ].join('\n');

    const scrubbed = scrubSecrets(message);

    for (const secret of ['s3cr3t', 'r3fr3sh', 'acc3ss']) expect(scrubbed).not.toContain(secret);
    expect(scrubbed).toContain('client_id=app1');
    expect(scrubbed).toContain('grant_type=refresh_token');
    expect(scrubbed).toContain('Invalid refresh token');
  });

  it('removes overlay keys and OAuth codes from URLs', () => {
    expect(scrubSecrets('GET /overlay/?key=ovk_abc&code=xyz failed')).toBe(
      'GET /overlay/?key=[redacted]&code=[redacted] failed',
    );
  });
});
