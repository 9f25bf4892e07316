import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  type ArchiveSettings,
  type IssuedLogApiKey,
  type LogApiAccess,
  type UpdateArchiveSettingsRequest,
} from '@integron/contracts';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../../http/api-error.js';
import { ArchiveWriter } from '../ingest/archive-writer.js';

const KEYS = {
  retentionMonths: 'archive.retention_months',
  logApiAccess: 'archive.log_api_access',
  logApiKeyHash: 'archive.log_api_key_hash',
} as const;

/** Log API requests check access this often at most. */
const CACHE_MS = 5_000;
const RETENTION_EVERY_MS = 6 * 60 * 60_000;

interface StoredSettings {
  retentionMonths: number | null;
  logApiAccess: LogApiAccess;
  logApiKeyHash: string | null;
}

/**
 * The archive's settings, in the `settings` table: how many months to keep (older months are
 * dropped whole), and whether the log APIs are public or need the log API key.
 */
@Injectable()
export class ArchiveSettingsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ArchiveSettings');
  private cached: { at: number; settings: StoredSettings } | null = null;
  private retentionTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: ArchiveWriter,
  ) {}

  onApplicationBootstrap(): void {
    void this.applyRetention();
    this.retentionTimer = setInterval(() => void this.applyRetention(), RETENTION_EVERY_MS);
    this.retentionTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.retentionTimer);
  }

  async get(): Promise<ArchiveSettings> {
    const stored = await this.stored();
    return {
      retentionMonths: stored.retentionMonths,
      logApiAccess: stored.logApiAccess,
      logApiKeyIssued: stored.logApiKeyHash !== null,
    };
  }

  async update(request: UpdateArchiveSettingsRequest): Promise<ArchiveSettings> {
    const stored = await this.stored();
    if (request.logApiAccess === 'key' && stored.logApiKeyHash === null)
      throw new ApiError(
        'CONFLICT',
        'Issue a log API key first, so that the clients you use can be given it before access needs one.',
      );
    await this.write(KEYS.retentionMonths, request.retentionMonths);
    await this.write(KEYS.logApiAccess, request.logApiAccess);
    this.cached = null;
    await this.applyRetention();
    return this.get();
  }

  /** A new key (the old one stops working at once); shown once, stored hashed. */
  async issueLogApiKey(): Promise<IssuedLogApiKey> {
    const key = `ilk_${randomBytes(24).toString('base64url')}`;
    await this.write(KEYS.logApiKeyHash, hash(key));
    this.cached = null;
    return { key };
  }

  /** Whether a log API request may be answered; `key` as the client sent it, if at all. */
  async mayReadLogs(key: string | undefined): Promise<boolean> {
    const stored = await this.stored(CACHE_MS);
    if (stored.logApiAccess === 'public') return true;
    if (key === undefined || stored.logApiKeyHash === null) return false;
    const expected = Buffer.from(stored.logApiKeyHash, 'hex');
    const given = Buffer.from(hash(key), 'hex');
    return timingSafeEqual(expected, given);
  }

  private async applyRetention(): Promise<void> {
    try {
      const { retentionMonths } = await this.stored();
      if (retentionMonths === null) return;
      const dropped = await this.writer.dropMonthsOlderThan(retentionMonths);
      if (dropped.length > 0)
        this.logger.log(
          `Retention (${retentionMonths} months): dropped the archived messages of ${dropped.join(', ')}`,
        );
    } catch (error) {
      this.logger.warn(`Applying the archive's retention failed: ${String(error)}`);
    }
  }

  private async stored(maxAgeMs = 0): Promise<StoredSettings> {
    if (this.cached && Date.now() - this.cached.at < maxAgeMs) return this.cached.settings;
    const rows: { key: string; value: unknown }[] = await this.dataSource.query(
      'SELECT key, value FROM settings WHERE key = ANY($1)',
      [Object.values(KEYS)],
    );
    const value = (key: string) => rows.find((row) => row.key === key)?.value;
    const retention = value(KEYS.retentionMonths);
    const access = value(KEYS.logApiAccess);
    const keyHash = value(KEYS.logApiKeyHash);
    const settings: StoredSettings = {
      retentionMonths: typeof retention === 'number' ? retention : null,
      logApiAccess: access === 'key' ? 'key' : 'public',
      logApiKeyHash: typeof keyHash === 'string' ? keyHash : null,
    };
    this.cached = { at: Date.now(), settings };
    return settings;
  }

  private async write(key: string, value: unknown): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2::jsonb, now())
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
      [key, JSON.stringify(value)],
    );
  }
}

function hash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
