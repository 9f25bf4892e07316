import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SessionData } from 'express-session';
import { createSessionStore } from '../../src/auth/session/session-store.js';
import { TestDatabase } from '../utils/test-database.js';

const TOUCH_EVERY_MS = 300;

describe('the session store', () => {
  let database: TestDatabase;
  let store: ReturnType<typeof createSessionStore>;

  beforeAll(async () => {
    database = await TestDatabase.create();
    await database.query(
      'CREATE TABLE sessions (sid varchar PRIMARY KEY, sess json NOT NULL, expire timestamp(6) NOT NULL)',
    );
    store = createSessionStore(
      { conString: database.url, tableName: 'sessions', createTableIfMissing: false },
      TOUCH_EVERY_MS,
    );
  });

  afterAll(async () => {
    store.close();
    await database.drop();
  });

  const expiringIn = (ms: number) =>
    ({ cookie: { expires: new Date(Date.now() + ms), originalMaxAge: ms } }) as SessionData;
  const call = (work: (done: (error?: Error) => void) => void) =>
    new Promise<void>((resolve, reject) => work((error) => (error ? reject(error) : resolve())));
  const expiry = async (sid: string) =>
    (
      await database.query<{ expire: Date }>('SELECT expire FROM sessions WHERE sid = $1', [sid])
    ).rows[0]!.expire.getTime();

  it('pushes a session’s expiry back at most once per interval', async () => {
    await call((done) => store.set('a', expiringIn(1_000), done));
    const saved = await expiry('a');

    await call((done) => store.touch('a', expiringIn(60_000), done));
    const touched = await expiry('a');
    await call((done) => store.touch('a', expiringIn(120_000), done));
    const touchedAgainAtOnce = await expiry('a');
    await sleep(TOUCH_EVERY_MS + 50);
    await call((done) => store.touch('a', expiringIn(180_000), done));
    const touchedAfterTheInterval = await expiry('a');

    expect(touched).toBeGreaterThan(saved + 50_000);
    expect(touchedAgainAtOnce).toBe(touched);
    expect(touchedAfterTheInterval).toBeGreaterThan(touched + 100_000);
  });

  it('throttles each session on its own', async () => {
    await call((done) => store.set('b', expiringIn(1_000), done));
    await call((done) => store.set('c', expiringIn(1_000), done));
    await call((done) => store.touch('b', expiringIn(60_000), done));
    const before = await expiry('c');

    await call((done) => store.touch('c', expiringIn(60_000), done));

    expect(await expiry('c')).toBeGreaterThan(before + 50_000);
  });
});
