import { rm } from 'node:fs/promises';
import { type ApiErrorBody, type ReadinessReport } from '@integron/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseTarget } from '../src/database/database-target.js';
import { EmbeddedPostgresServer } from '../src/database/embedded-postgres.server.js';
import { freePort } from './utils/free-port.js';
import { type HttpBrowser } from './utils/http-browser.js';
import { signInWithTwitch } from './utils/sign-in.js';
import { makeTempDir } from './utils/temp-dir.js';
import { quietLogger } from './utils/quiet-logger.js';
import { startTestApp, type TestApp } from './utils/test-app.js';

/** Needs a Postgres of its own to stop, whatever TEST_DATABASE_URL names. */
describe('readiness when Postgres goes away', () => {
  let directory: string;
  let port: number;
  let postgres: EmbeddedPostgresServer;
  let sut: TestApp;

  const startPostgres = () =>
    EmbeddedPostgresServer.start({ directory, port, database: 'integron', logger: quietLogger() });

  // Asked as the dashboard asks: by a signed-in member, whose session lives in that same Postgres.
  let member: HttpBrowser;
  const readiness = async () => {
    const response = await member.fetch('/api/health/ready');
    return { status: response.status, report: (await response.json()) as ReadinessReport };
  };

  beforeAll(async () => {
    directory = await makeTempDir('readiness');
    port = await freePort();
    postgres = await startPostgres();
    sut = await startTestApp({
      database: new DatabaseTarget(postgres.url, 'embedded'),
      env: { DEMO_TRAFFIC_RATE: '0' },
    });
    member = (await signInWithTwitch(sut, 'watcher')).browser;
  });

  afterAll(async () => {
    await sut.close();
    await postgres.stop();
    await rm(directory, { recursive: true, force: true });
  });

  it('is ready, then not ready while Postgres is down (sessions answer 503), then ready again when it is back', async () => {
    expect((await readiness()).status).toBe(200);

    await postgres.stop();
    const down = await readiness();

    expect(down.status).toBe(503);
    expect(down.report.status).toBe('not_ready');
    expect(down.report.checks.database).toMatchObject({ status: 'down', kind: 'embedded' });
    expect(down.report.checks.database.error).toEqual(expect.any(String));

    const me = await member.fetch('/api/auth/me');
    const meBody = (await me.json()) as ApiErrorBody;
    expect(me.status).toBe(503);
    expect(meBody).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(meBody.message).toMatch(/database/i);

    postgres = await startPostgres();
    let back = await readiness();
    for (let attempt = 0; attempt < 20 && back.status !== 200; attempt++) {
      await new Promise((done) => setTimeout(done, 250));
      back = await readiness();
    }

    expect(back.status).toBe(200);
    expect(back.report.checks.database.status).toBe('up');
  });
});
