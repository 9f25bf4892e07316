import { randomInt } from 'node:crypto';

/**
 * A 127.x.y.z address of its own (Linux routes all of 127/8 to loopback), so that servers which
 * must use a fixed port — the demo's simulated Twitch chat on 6667 — never collide across tests.
 */
export function uniqueLoopbackAddress(): string {
  return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}
