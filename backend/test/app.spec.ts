import {
  type ApiErrorBody,
  type HealthInfo,
  LOG_API_KEY_HEADER,
  type ReadinessReport,
} from '@integron/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_BODY_LIMIT } from '../src/app.factory.js';
import { startTestApp, type TestApp } from './utils/test-app.js';

describe('Integron application on a real Postgres', () => {
  let sut: TestApp;

  /** Before anything asked for readiness. */
  let metricsAtStart: string;

  beforeAll(async () => {
    sut = await startTestApp();
    metricsAtStart = await (await fetch(`${sut.baseUrl}/metrics`)).text();
  });

  afterAll(async () => {
    await sut.close();
  });

  const get = (path: string, init?: RequestInit) => fetch(`${sut.baseUrl}${path}`, init);

  describe('schema', () => {
    it('creates the tables through the migrations', async () => {
      const { rows } = await sut.database!.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
      );

      expect(rows.map((row) => row.table_name)).toEqual([
        'audit_log',
        'channel_chatters',
        'channel_hourly_activity',
        'channels',
        'chatter_names',
        'chatters',
        'messages',
        // The archive creates the current and the next month's partitions on start.
        ...monthPartitions(new Date()),
        'migrations',
        'mod_actions',
        'overlay_keys',
        'sessions',
        'settings',
        'stream_events',
        'team_members',
        'twitch_accounts',
      ]);
    });

    it('keeps channel rows honest: Twitch ids are digits and logins lower case', async () => {
      await expect(
        sut.database!.query(
          `INSERT INTO channels (twitch_id, login, display_name) VALUES ('12a', 'x', 'X')`,
        ),
      ).rejects.toThrow(/check constraint/);
      await expect(
        sut.database!.query(
          `INSERT INTO channels (twitch_id, login, display_name) VALUES ('12', 'Upper', 'X')`,
        ),
      ).rejects.toThrow(/check constraint/);
      const { rows } = await sut.database!.query<{ is_active: boolean }>(
        `INSERT INTO channels (twitch_id, login, display_name) VALUES ('12', 'teamcaptain', 'TeamCaptain') RETURNING is_active`,
      );
      expect(rows).toEqual([{ is_active: true }]);
    });
  });

  describe('health', () => {
    it('reports liveness with the version and the run mode', async () => {
      const response = await get('/api/health');
      const body = (await response.json()) as HealthInfo;

      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(body).toMatchObject({
        status: 'ok',
        name: 'integron',
        version: '0.1.0',
        mode: 'demo',
      });
      expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
    });

    it('is ready when the database answers', async () => {
      const response = await get('/api/health/ready');
      const body = (await response.json()) as ReadinessReport;

      expect(response.status).toBe(200);
      expect(body.status).toBe('ready');
      expect(body.checks.database).toMatchObject({ status: 'up', kind: 'external' });
      expect(body.checks.database.latencyMs).toEqual(expect.any(Number));
    });

    it('exposes Prometheus metrics, including its own', async () => {
      await get('/api/health/ready');
      const text = await (await get('/metrics')).text();

      expect(metricsAtStart).toContain('integron_database_up 1');
      expect(text).toMatch(
        /integron_http_requests_total\{method="GET",route="\/api\/health\/ready",status="200"\} \d+/,
      );
      expect(text).toContain('process_cpu_seconds_total');
    });

    it('rate limits the metrics like any other public route', async () => {
      const response = await get('/metrics');

      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-limit')).toBe('600');
    });
  });

  describe('API conventions', () => {
    it('documents the uniform error body on every operation but the log APIs, which keep their peers’ errors', async () => {
      const document = (await (await get('/api/docs/openapi.json')).json()) as {
        paths: Record<
          string,
          Record<string, { tags?: string[]; responses: Record<string, unknown> }>
        >;
        components: { schemas: Record<string, { properties: Record<string, unknown> }> };
      };
      const operations = Object.values(document.paths).flatMap((path) => Object.values(path));
      const isLogApi = (operation: { tags?: string[] }) =>
        operation.tags?.some((tag) => tag.startsWith('log APIs')) ?? false;

      expect(operations.filter(isLogApi).length).toBeGreaterThan(5);
      expect(operations.filter((operation) => !isLogApi(operation)).length).toBeGreaterThan(5);
      for (const operation of operations) {
        if (isLogApi(operation)) {
          expect(operation.responses.default).toHaveProperty('description');
          continue;
        }
        expect(operation.responses.default).toMatchObject({
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/ApiErrorBodyDto' } },
          },
        });
      }
      expect(Object.keys(document.components.schemas.ApiErrorBodyDto?.properties ?? {})).toEqual([
        'statusCode',
        'code',
        'message',
        'details',
      ]);
    });

    it('serves the OpenAPI document and its UI', async () => {
      const document = (await (await get('/api/docs/openapi.json')).json()) as {
        info: { title: string };
        paths: Record<string, unknown>;
      };
      const ui = await get('/api/docs');

      expect(document.info.title).toBe('Integron API');
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining(['/api/health', '/api/health/ready']),
      );
      expect(ui.status).toBe(200);
      expect(await ui.text()).toContain('swagger-ui');
    });

    it('answers an unknown API route with the uniform error body', async () => {
      const response = await get('/api/does-not-exist');

      expect(response.status).toBe(404);
      expect(await response.json()).toEqual<ApiErrorBody>({
        statusCode: 404,
        code: 'NOT_FOUND',
        message: 'No route GET /api/does-not-exist. See /api/docs for the API.',
      });
    });

    it('refuses malformed JSON with a 400', async () => {
      const response = await get('/api/health', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"broken":',
      });
      const body = (await response.json()) as ApiErrorBody;

      expect(response.status).toBe(400);
      expect(body.code).toBe('BAD_REQUEST');
    });

    it(`refuses bodies over ${JSON_BODY_LIMIT} with a 413`, async () => {
      const response = await get('/api/health', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'x'.repeat(300 * 1024) }),
      });

      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    });

    it('gives every response a request id, keeping a well-formed one from the caller', async () => {
      const minted = await get('/api/health');
      const kept = await get('/api/health', { headers: { 'x-request-id': 'proxy-1234' } });
      const refused = await get('/api/health', {
        headers: { 'x-request-id': 'bad id with spaces' },
      });

      expect(minted.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(kept.headers.get('x-request-id')).toBe('proxy-1234');
      expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('does not advertise its framework', async () => {
      expect((await get('/api/health')).headers.get('x-powered-by')).toBeNull();
    });

    it('sends security headers with a content security policy', async () => {
      const { headers } = await get('/');

      const policy = headers.get('content-security-policy') ?? '';
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("object-src 'none'");
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
    });

    it('allows cross-origin calls from the public URL only', async () => {
      const preflight = (origin: string) =>
        get('/api/team', {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST' },
        });

      const own = await preflight(sut.baseUrl);
      const foreign = await preflight('https://evil.example');

      expect(own.headers.get('access-control-allow-origin')).toBe(sut.baseUrl);
      expect(own.headers.get('access-control-allow-credentials')).toBe('true');
      expect(foreign.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    });

    it('lets any origin preflight the log APIs with the log API key header, without credentials', async () => {
      for (const path of [
        '/channels',
        '/channel/somechannel/2026/12',
        '/api/v2/recent-messages/somechannel',
      ]) {
        const preflight = await get(path, {
          method: 'OPTIONS',
          headers: {
            origin: 'https://logs.example',
            'access-control-request-method': 'GET',
            'access-control-request-headers': LOG_API_KEY_HEADER.toLowerCase(),
          },
        });

        expect(preflight.status, path).toBe(200);
        expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
        expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
        expect(preflight.headers.get('access-control-allow-headers')).toContain(LOG_API_KEY_HEADER);
      }
    });
  });
});

/** `messages_y2026m12`, `messages_y2027m01` for a day in December 2026. */
function monthPartitions(now: Date): string[] {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return [now, next].map(
    (day) => `messages_y${day.getUTCFullYear()}m${String(day.getUTCMonth() + 1).padStart(2, '0')}`,
  );
}
