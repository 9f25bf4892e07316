import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveKey, SecretBox, UnreadableSecretError } from './secret-box.js';

describe(SecretBox.name, () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed, and seals the same text differently each time', () => {
    const first = box.seal('oauth:s3cr3t');
    const second = box.seal('oauth:s3cr3t');

    expect(box.open(first)).toBe('oauth:s3cr3t');
    expect(first).not.toBe(second);
    expect(first).not.toContain('s3cr3t');
  });

  it('refuses a value that was tampered with', () => {
    const sealed = box.seal('oauth:s3cr3t');
    const [version, iv, tag, ciphertext] = sealed.split('.');
    const flipped = Buffer.from(ciphertext!, 'base64url');
    flipped[0]! ^= 1;

    expect(() => box.open([version, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
  });

  it('refuses a value sealed under another key', () => {
    expect(() => new SecretBox(randomBytes(32)).open(box.seal('x'))).toThrow(UnreadableSecretError);
  });

  it('refuses a value whose tag was shortened', () => {
    const [version, iv, tag, ciphertext] = box.seal('oauth:s3cr3t').split('.');
    const truncated = Buffer.from(tag!, 'base64url').subarray(0, 12).toString('base64url');

    expect(() => box.open([version, iv, truncated, ciphertext].join('.'))).toThrow(
      UnreadableSecretError,
    );
  });

  it('derives different keys for different purposes from one master key', () => {
    const master = randomBytes(32);

    expect(deriveKey(master, 'token-vault')).not.toEqual(deriveKey(master, 'session-cookie'));
    expect(deriveKey(master, 'token-vault')).toEqual(deriveKey(master, 'token-vault'));
  });
});
