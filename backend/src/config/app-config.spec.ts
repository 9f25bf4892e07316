import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, parseConfig } from './app-config.js';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
};

describe(parseConfig.name, () => {
  it('runs in demo mode on the embedded database with no configuration at all', () => {
    const sut = parseConfig({}, '/srv/integron');

    expect(sut.mode).toBe('demo');
    expect(sut.http).toEqual({
      host: '127.0.0.1',
      port: 3000,
      publicUrl: 'http://localhost:3000',
      publicUrlConfigured: false,
      trustProxy: ['loopback'],
    });
    expect(sut.dataDir).toBe('/srv/integron/data');
    expect(sut.database).toEqual({
      url: undefined,
      embeddedPort: 54329,
      connectTimeoutSeconds: 10,
    });
    expect(sut.twitch).toBeNull();
  });

  it('treats empty values as unset, as .env files write them', () => {
    expect(parseConfig({ PORT: '', DATABASE_URL: '  ' }).http.port).toBe(3000);
  });

  it('names the variable and what it expects when a value is bad', () => {
    expect(problemsOf({ PORT: 'abc' })).toEqual([
      'PORT must be a port number from 1 to 65535; got "abc".',
    ]);
  });

  it('reports every bad variable, one line each', () => {
    expect(problemsOf({ PORT: '70000', LOG_LEVEL: 'loud', PUBLIC_URL: 'ftp://x' })).toHaveLength(3);
  });

  it('never repeats a secret value back', () => {
    const [problem] = problemsOf({ DATABASE_URL: 'mysql://root:hunter2@db/app' });

    expect(problem).toContain('DATABASE_URL must be a postgres:// connection URL');
    expect(problem).not.toContain('hunter2');
  });

  it('takes an EventSub webhook secret of 10 to 100 characters, without echoing a bad one', () => {
    expect(parseConfig({}).eventSub).toEqual({ webhookSecret: null });
    expect(parseConfig({ EVENTSUB_WEBHOOK_SECRET: 'ten-chars!' }).eventSub).toEqual({
      webhookSecret: 'ten-chars!',
    });
    expect(problemsOf({ EVENTSUB_WEBHOOK_SECRET: 'short' })).toEqual([
      'EVENTSUB_WEBHOOK_SECRET must be 10 to 100 characters (generate some with: openssl rand -hex 32); the value given is not.',
    ]);
    expect(problemsOf({ EVENTSUB_WEBHOOK_SECRET: 'x'.repeat(101) })).toHaveLength(1);
  });

  it('requires the Twitch secret only when the Twitch client id is set', () => {
    expect(problemsOf({ TWITCH_CLIENT_ID: 'abcdefghij0123' })).toEqual([
      'TWITCH_CLIENT_SECRET must be set together with TWITCH_CLIENT_ID (set both for live mode, neither for demo mode).',
    ]);
  });

  it('switches to live mode with Twitch credentials', () => {
    const sut = parseConfig({
      TWITCH_CLIENT_ID: 'abcdefghij0123',
      TWITCH_CLIENT_SECRET: 's3cr3ts3cr3ts3cr3t',
    });

    expect(sut.mode).toBe('live');
    expect(sut.twitch).toEqual({ clientId: 'abcdefghij0123', clientSecret: 's3cr3ts3cr3ts3cr3t' });
  });

  it('reads TRUST_PROXY as Express takes it: false, a hop count, or addresses and ranges', () => {
    const trustProxy = (value: string) => parseConfig({ TRUST_PROXY: value }).http.trustProxy;

    expect(trustProxy('false')).toBe(false);
    expect(trustProxy('2')).toBe(2);
    expect(trustProxy('10.0.0.0/8, 192.168.1.7,fd00::/8,uniquelocal')).toEqual([
      '10.0.0.0/8',
      '192.168.1.7',
      'fd00::/8',
      'uniquelocal',
    ]);
  });

  it('refuses a TRUST_PROXY that would trust everyone or is not an address', () => {
    for (const value of ['true', '10.0.0.0/33', 'proxy.internal', '10.0.0.1,,10.0.0.2']) {
      expect(problemsOf({ TRUST_PROXY: value })).toEqual([
        `TRUST_PROXY must be false, a number of proxy hops (e.g. 1), or a comma-separated list of IP addresses, CIDR ranges and loopback, linklocal or uniquelocal; got "${value}".`,
      ]);
    }
  });

  it('drops a trailing slash from PUBLIC_URL so paths can be appended', () => {
    expect(parseConfig({ PUBLIC_URL: 'https://integron.example.com/' }).http.publicUrl).toBe(
      'https://integron.example.com',
    );
  });
});

describe(describeConfig.name, () => {
  it('withholds every secret', () => {
    const sut = describeConfig(
      parseConfig({
        DATABASE_URL: 'postgres://integron:hunter2@db:5432/integron',
        TWITCH_CLIENT_ID: 'abcdefghij0123',
        TWITCH_CLIENT_SECRET: 's3cr3ts3cr3ts3cr3t',
        EVENTSUB_WEBHOOK_SECRET: 'webhook-s3cr3t',
      }),
    );

    const text = JSON.stringify(sut);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('s3cr3ts3cr3ts3cr3t');
    expect(text).not.toContain('webhook-s3cr3t');
    expect(sut.database).toBe('postgres://integron:***@db:5432/integron');
  });
});
