import { type EventsSettings } from '@integron/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

const KEEP_LIVE_ONLY = 'events.keep_live_only';
/** Every stream event asks; a change shows within this long. */
const CACHE_MS = 5_000;

/** The events log's settings, in the `settings` table. */
@Injectable()
export class EventsSettingsService {
  private cached: { at: number; settings: EventsSettings } | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async get(maxAgeMs = 0): Promise<EventsSettings> {
    if (this.cached && Date.now() - this.cached.at < maxAgeMs) return this.cached.settings;
    const rows: { value: unknown }[] = await this.dataSource.query(
      'SELECT value FROM settings WHERE key = $1',
      [KEEP_LIVE_ONLY],
    );
    const settings = { keepLiveOnlyEvents: rows[0]?.value === true };
    this.cached = { at: Date.now(), settings };
    return settings;
  }

  /** For each stream event: at most `CACHE_MS` old. */
  current(): Promise<EventsSettings> {
    return this.get(CACHE_MS);
  }

  async update(settings: EventsSettings): Promise<EventsSettings> {
    await this.dataSource.query(
      `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2::jsonb, now())
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
      [KEEP_LIVE_ONLY, JSON.stringify(settings.keepLiveOnlyEvents)],
    );
    this.cached = null;
    return this.get();
  }
}
