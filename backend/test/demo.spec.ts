import { createServer, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { uniqueLoopbackAddress } from './utils/loopback-address.js';
import { startTestApp, type TestApp } from './utils/test-app.js';

const CHAT_PORT = 6667;

/** Joins a channel anonymously, as a read-only Twitch chat client does, and collects its lines. */
async function readChat(
  host: string,
  channel: string,
): Promise<{ lines: string[]; close: () => void }> {
  const socket = new Socket();
  await new Promise<void>((connected, failed) =>
    socket.once('error', failed).connect(CHAT_PORT, host, connected),
  );
  const lines: string[] = [];
  socket
    .setEncoding('utf8')
    .on('data', (chunk: string) => lines.push(...chunk.split('\r\n').filter(Boolean)));
  socket.write(
    `CAP REQ :twitch.tv/tags twitch.tv/commands\r\nNICK justinfan4242\r\nJOIN #${channel}\r\n`,
  );
  return { lines, close: () => socket.destroy() };
}

describe('demo mode', () => {
  let app: TestApp | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('runs a simulated Twitch whose chat carries generated traffic', async () => {
    const address = uniqueLoopbackAddress();
    app = await startTestApp({ env: { DEMO_CHAT_ADDRESS: address, DEMO_TRAFFIC_RATE: '200' } });

    const chat = await readChat(address, 'teamcaptain');

    await expect
      .poll(() => chat.lines.filter((line) => line.includes(' PRIVMSG #teamcaptain ')).length, {
        timeout: 10_000,
      })
      .toBeGreaterThan(5);
    chat.close();
  });

  it('runs no simulator in live mode', async () => {
    const address = uniqueLoopbackAddress();
    app = await startTestApp({
      env: {
        DEMO_CHAT_ADDRESS: address,
        TWITCH_CLIENT_ID: 'abcdefghij0123',
        TWITCH_CLIENT_SECRET: 's3cr3ts3cr3ts3cr3t',
      },
    });

    await expect(readChat(address, 'teamcaptain')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('says how to fix it when the chat port is taken', async () => {
    const address = uniqueLoopbackAddress();
    const squatter = createServer();
    await new Promise<void>((listening) => squatter.listen(CHAT_PORT, address, listening));

    await expect(startTestApp({ env: { DEMO_CHAT_ADDRESS: address } })).rejects.toThrow(
      `Demo mode's simulated Twitch chat cannot listen on ${address}:${CHAT_PORT}: the port is taken. Set DEMO_CHAT_ADDRESS`,
    );
    await new Promise((closed) => squatter.close(closed));
  });
});
