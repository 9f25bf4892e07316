import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  type CliOptions,
  DEFAULT_API_PORT,
  parseCliOptions,
  simulatorCommand,
} from '../../src/cli/cli-options.js';

/** Parses as the CLI does, but throws what it would print on standard error instead of exiting. */
function parse(...args: string[]): CliOptions {
  let written = '';
  const command = simulatorCommand()
    .exitOverride()
    .configureOutput({ writeErr: (text) => (written += text) });
  try {
    return parseCliOptions(args, command);
  } catch (error) {
    if (error instanceof CommanderError) throw new Error(written.trim());
    throw error;
  }
}

const CLIENT_ID = 'integronlocal0000000000000001';
const CLIENT_SECRET = 'integronsecret000000000000001';

describe(parseCliOptions.name, () => {
  it('defaults to a fixed API port and Integron on http://localhost:3000', () => {
    const sut = parse();

    expect(sut).toEqual({
      seed: 1,
      rate: 20,
      channels: 3,
      chatters: 200,
      chatHost: '127.0.0.1',
      chatPort: 6667,
      wsPort: 0,
      apiPort: DEFAULT_API_PORT,
      discordPort: 0,
      publicUrl: 'http://localhost:3000',
      traffic: true,
    });
    expect(DEFAULT_API_PORT).toBe(8091);
  });

  it('keeps every option it had before Integron was registered', () => {
    const sut = parse(
      ...['--seed', '7', '--rate', '50', '--channels', '2', '--chatters', '40'],
      ...['--mix', 'chat=900,ban=5', '--chat-host', '127.0.0.9', '--chat-port', '0'],
      ...['--ws-port', '0', '--api-port', '0', '--discord-port', '0'],
      ...['--eventsub-to', 'http://127.0.0.1:8080', '--no-traffic'],
    );

    expect(sut).toMatchObject({
      seed: 7,
      rate: 50,
      channels: 2,
      chatters: 40,
      mix: { chat: 900, ban: 5 },
      chatHost: '127.0.0.9',
      chatPort: 0,
      apiPort: 0,
      eventsubTo: 'http://127.0.0.1:8080',
      traffic: false,
    });
  });

  it('takes fixed credentials, together', () => {
    const sut = parse('--client-id', CLIENT_ID, '--client-secret', CLIENT_SECRET);

    expect(sut).toMatchObject({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  });

  it('takes the public URL without its trailing slash, as Integron does', () => {
    expect(parse('--public-url', 'https://integron.example/team/').publicUrl).toBe(
      'https://integron.example/team',
    );
  });

  it.each([
    [
      ['--client-id', 'short'],
      "error: option '--client-id <id>' argument 'short' is invalid. expected 10 to 64 letters and digits, as Integron accepts",
    ],
    [
      ['--client-id', CLIENT_ID, '--client-secret', 'with-dashes-00000'],
      "error: option '--client-secret <secret>' argument 'with-dashes-00000' is invalid. expected 10 to 64 letters and digits, as Integron accepts",
    ],
    [
      ['--client-id', CLIENT_ID],
      'error: --client-id and --client-secret go together (Integron needs both); give both or neither',
    ],
    [
      ['--client-secret', CLIENT_SECRET],
      'error: --client-id and --client-secret go together (Integron needs both); give both or neither',
    ],
    [
      ['--public-url', 'localhost:3000'],
      "error: option '--public-url <url>' argument 'localhost:3000' is invalid. expected an http(s) URL such as http://localhost:3000",
    ],
    [
      ['--api-port', '65536'],
      "error: option '--api-port <port>' argument '65536' is invalid. expected an integer from 0 to 65535",
    ],
    [
      ['--api-port', '80.5'],
      "error: option '--api-port <port>' argument '80.5' is invalid. expected an integer from 0 to 65535",
    ],
    [
      ['--chat-host', '0.0.0.0'],
      "error: option '--chat-host <address>' argument '0.0.0.0' is invalid. expected a loopback address (127.x.y.z or localhost)",
    ],
    [
      ['--chat-host', '127.0.0.256'],
      "error: option '--chat-host <address>' argument '127.0.0.256' is invalid. expected a loopback address (127.x.y.z or localhost)",
    ],
    [
      ['--eventsub-to', 'integron.example'],
      "error: option '--eventsub-to <url>' argument 'integron.example' is invalid. expected an http(s) origin such as http://127.0.0.1:8080",
    ],
    [
      ['--mix', 'chat=lots'],
      "error: option '--mix <weights>' argument 'chat=lots' is invalid. expected kind=weight pairs;",
    ],
  ])('refuses %j, saying what it expects', (args, message) => {
    expect(() => parse(...args)).toThrow(message);
  });
});
