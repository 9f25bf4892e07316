import { join } from 'node:path';
import { type ArchiveHealth, CHAT_EVENT_TYPES, type ChatEvent } from '@integron/contracts';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import pg from 'pg';
import { Counter, Gauge } from 'prom-client';
import { EventBus } from '../../bus/event-bus.js';
import { AppConfig } from '../../config/app-config.js';
import { DatabaseTarget } from '../../database/database-target.js';
import { scrubSecrets } from '../../logging/secrets.js';
import {
  ARCHIVE_BUFFER_METRIC,
  ARCHIVE_JOURNAL_METRIC,
  ARCHIVE_LAG_METRIC,
  ARCHIVE_ROWS_METRIC,
} from '../archive.metrics.js';
import { archiveRowOf } from './archive-rows.js';
import { type ArchiveBatch, BatchStore } from './batch-store.js';
import { ArchiveJournal } from './journal.js';
import { failureKind } from './write-failures.js';

export interface ArchiveWriterLimits {
  /** A batch is written at least this often while lines arrive. */
  flushEveryMs: number;
  /** …or as soon as this many are waiting. */
  batchRows: number;
  /** Lines held in memory at most; beyond, they go straight to the journal. */
  bufferCapacity: number;
  /** How often an unreachable Postgres is tried again. */
  retryEveryMs: number;
}

/** Injection token of the writer's limits (tests and benchmarks choose their own). */
export const ARCHIVE_WRITER_LIMITS = 'ARCHIVE_WRITER_LIMITS';

export const DEFAULT_WRITER_LIMITS: ArchiveWriterLimits = {
  flushEveryMs: 200,
  batchRows: 5_000,
  bufferCapacity: 50_000,
  retryEveryMs: 1_000,
};

const RATE_WINDOW_SECONDS = 10;
/** A shutdown waits this long for a write under way, well within main.ts's shutdown limit. */
const SHUTDOWN_WRITE_WAIT_MS = 5_000;

interface PendingBatch {
  seq: number;
  events: ChatEvent[];
  receivedAt: number;
}

/**
 * Every chat event on the bus, into Postgres: buffered, written in batches (COPY), and never
 * lost. While Postgres is unreachable, batches go to an on-disk journal under DATA_DIR and are
 * replayed in order once it is back; while the journal holds anything, newer batches join it,
 * so the order is kept. A shutdown writes (or journals) what is buffered before it ends.
 */
@Injectable()
export class ArchiveWriter implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Archive');
  private readonly pool: pg.Pool;
  private readonly store: BatchStore;
  private readonly journal: ArchiveJournal;
  private readonly channelIds = new Map<string, string>();
  private buffer: ChatEvent[] = [];
  private bufferSince = 0;
  private inFlight: PendingBatch | null = null;
  private nextSeq = 1;
  private draining: Promise<void> | null = null;
  private flushTimer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private databaseWritable = true;
  private retryAfter = 0;
  private lastError: string | null = null;
  private lastFlushAt: Date | null = null;
  private writtenTotal = 0;
  private accepted = 0;
  private readonly perSecond = new Array<number>(RATE_WINDOW_SECONDS).fill(0);
  private currentSecond = 0;
  private stopped = false;
  private journalBrokenUntil = 0;

  constructor(
    config: AppConfig,
    database: DatabaseTarget,
    private readonly bus: EventBus,
    @InjectMetric(ARCHIVE_ROWS_METRIC) private readonly rowsMetric: Counter<'outcome'>,
    @InjectMetric(ARCHIVE_BUFFER_METRIC) private readonly bufferMetric: Gauge,
    @InjectMetric(ARCHIVE_JOURNAL_METRIC) private readonly journalMetric: Gauge,
    @InjectMetric(ARCHIVE_LAG_METRIC) private readonly lagMetric: Gauge,
    @Inject(ARCHIVE_WRITER_LIMITS) private readonly limits: ArchiveWriterLimits,
  ) {
    this.pool = new pg.Pool({
      connectionString: database.url,
      max: 1,
      connectionTimeoutMillis: 3_000,
      // A write that hangs longer is treated as failed: journaled, and replayed without doubles.
      query_timeout: 60_000,
      application_name: 'integron-archive-writer',
    });
    // An idle connection that dies (Postgres restarting) must not take the process with it.
    this.pool.on('error', (error) => this.noteUnavailable(error));
    this.store = new BatchStore((client, twitchId) => this.channelIdOf(client, twitchId));
    this.journal = new ArchiveJournal(join(config.dataDir, 'archive-journal'));
  }

  async onApplicationBootstrap(): Promise<void> {
    const lastSeq = await this.journal.open().catch((error: unknown) => {
      this.logger.error(`The archive journal cannot be read: ${String(error)}`);
      return 0;
    });
    this.nextSeq = lastSeq + 1;
    if (this.journal.pending)
      this.logger.log(
        `Replaying ${this.journal.stats.rows} archived lines journaled by an earlier run`,
      );
    await this.withClient((client) => this.store.messagePartitions.ensureAhead(client)).catch(
      (error: unknown) => this.noteUnavailable(error),
    );
    this.unsubscribe = this.bus.on(CHAT_EVENT_TYPES, (event) => this.accept(event));
    this.flushTimer = setInterval(() => this.kick(), this.limits.flushEveryMs);
    this.flushTimer.unref();
    this.kick();
  }

  /** Writes (or journals) everything buffered before Postgres and the process go away. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    clearInterval(this.flushTimer);
    const finished =
      (await settlesWithin(this.draining, SHUTDOWN_WRITE_WAIT_MS)) &&
      (await settlesWithin(this.lastDrain(), SHUTDOWN_WRITE_WAIT_MS));
    if (!finished) {
      // Postgres hangs: the process must not outwait it with lines in memory. What is in flight
      // is journaled too; should it commit after all, its replay collapses into it.
      if (this.inFlight) this.journalOrHold({ ...this.inFlight, seq: this.nextSeq++ });
      this.logger.warn('Postgres did not finish an archive write in time; journaling the rest');
    }
    this.journalBuffer();
    await this.pool.end().catch(() => undefined);
  }

  /** One last attempt at Postgres even if it was down a moment ago: it may be back. */
  private lastDrain(): Promise<void> {
    this.retryAfter = 0;
    return this.drain();
  }

  health(): ArchiveHealth {
    const journal = this.journal.stats;
    return {
      ingestRatePerSecond: this.ratePerSecond(),
      buffer: { rows: this.buffer.length, capacity: this.limits.bufferCapacity },
      journal: { files: journal.files, rows: journal.rows, bytes: journal.bytes },
      lagMs: this.lagMs(),
      writtenTotal: this.writtenTotal,
      lastFlushAt: this.lastFlushAt?.toISOString() ?? null,
      databaseWritable: this.databaseWritable,
      lastError: this.lastError,
    };
  }

  /** Resolves once everything accepted so far is committed (tests, benchmarks, shutdown). */
  async flushed(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.buffer.length > 0 || this.inFlight || this.journal.pending) {
      if (Date.now() > deadline) throw new Error('The archive did not catch up in time');
      this.kick();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Drops the partitions older than `keepMonths` months. */
  dropMonthsOlderThan(keepMonths: number): Promise<string[]> {
    return this.withClient((client) =>
      this.store.messagePartitions.dropOlderThan(client, keepMonths),
    );
  }

  /** Chat events taken from the bus since start. */
  get acceptedTotal(): number {
    return this.accepted;
  }

  private accept(event: ChatEvent): void {
    this.accepted++;
    if (this.buffer.length === 0) this.bufferSince = Date.now();
    this.buffer.push(event);
    this.countReceived();
    if (this.buffer.length >= this.limits.bufferCapacity) this.spill();
    else if (this.buffer.length >= this.limits.batchRows) this.kick();
  }

  /** Moves the whole buffer to the journal: memory stays bounded whatever Postgres does. */
  private spill(): void {
    if (Date.now() < this.journalBrokenUntil) return;
    const events = this.buffer;
    this.buffer = [];
    if (this.journalOrHold({ seq: this.nextSeq++, events, receivedAt: this.bufferSince }))
      this.bufferSince = Date.now();
    this.updateGauges();
  }

  private kick(): void {
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
      this.updateGauges();
    });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const mayTry = this.databaseWritable || Date.now() >= this.retryAfter;
      if (mayTry && this.journal.pending && (await this.replayOldest())) continue;
      if (this.buffer.length === 0) return;
      if (this.journal.pending || !this.databaseWritable) {
        // Older lines wait on disk, or Postgres is away: these join them there, in order.
        this.journalBuffer();
        return;
      }
      const events = this.buffer.splice(0, this.limits.batchRows);
      const batch: PendingBatch = { seq: this.nextSeq++, events, receivedAt: this.bufferSince };
      this.bufferSince = Date.now();
      this.inFlight = batch;
      const outcome = await this.write(batch.events);
      this.inFlight = null;
      if (outcome === 'written') continue;
      this.journalOrHold(batch);
      if (outcome === 'rejected') await this.rejectOldest();
    }
  }

  /** Everything buffered, to the journal in batches. */
  private journalBuffer(): void {
    while (this.buffer.length > 0) {
      const events = this.buffer.splice(0, this.limits.batchRows);
      if (!this.journalOrHold({ seq: this.nextSeq++, events, receivedAt: this.bufferSince }))
        return;
    }
    this.bufferSince = Date.now();
  }

  /** False when the journal cannot be written: the lines are back in the buffer. */
  private journalOrHold(batch: PendingBatch): boolean {
    try {
      this.journal.append(batch.seq, batch.events, batch.receivedAt);
      return true;
    } catch (error) {
      // Nowhere to put them but memory: keep them, say so loudly, and try the disk again later.
      this.buffer = batch.events.concat(this.buffer);
      this.journalBrokenUntil = Date.now() + this.limits.retryEveryMs;
      this.noteError(
        `Cannot write the archive journal (${String(error)}); holding lines in memory`,
      );
      return false;
    }
  }

  /** True when the oldest journaled batch is now in Postgres (or set aside as unwritable). */
  private async replayOldest(): Promise<boolean> {
    const oldest = await this.journal.oldest().catch((error: unknown) => {
      this.noteError(`Cannot read the archive journal: ${String(error)}`);
      return null;
    });
    if (!oldest) return false;
    const outcome = await this.write(oldest.events);
    if (outcome === 'unavailable') return false;
    if (outcome === 'rejected') {
      await this.rejectOldest();
      return true;
    }
    await this.journal.remove(oldest.entry);
    if (!this.journal.pending)
      this.logger.log('The archive journal is replayed: all lines are in Postgres');
    return true;
  }

  private async rejectOldest(): Promise<void> {
    const oldest = await this.journal.oldest();
    if (!oldest) return;
    const where = this.journal.reject(oldest.entry);
    this.rowsMetric.inc({ outcome: 'rejected' }, oldest.events.length);
    this.logger.error(
      `Postgres refused a batch of ${oldest.events.length} lines for its content; kept in ${where} for inspection`,
    );
  }

  private async write(
    events: readonly ChatEvent[],
  ): Promise<'written' | 'unavailable' | 'rejected'> {
    const batch: ArchiveBatch = { messages: [], modActions: [] };
    for (const event of events) {
      const archived = archiveRowOf(event);
      if (archived?.table === 'messages') batch.messages.push(archived.row);
      else if (archived?.table === 'mod_actions') batch.modActions.push(archived.row);
    }
    try {
      const result = await this.withClient((client) => this.store.write(client, batch));
      this.writtenTotal += result.messagesWritten + result.modActionsWritten;
      this.rowsMetric.inc(
        { outcome: 'written' },
        result.messagesWritten + result.modActionsWritten,
      );
      if (result.duplicates > 0) this.rowsMetric.inc({ outcome: 'duplicate' }, result.duplicates);
      this.lastFlushAt = new Date();
      if (!this.databaseWritable) this.logger.log('Postgres takes archive writes again');
      this.databaseWritable = true;
      this.lastError = null;
      return 'written';
    } catch (error) {
      const kind = failureKind(error);
      if (kind === 'rejected') {
        this.noteError(`Postgres refused an archive batch: ${describe(error)}`);
        return 'rejected';
      }
      this.noteUnavailable(error);
      return 'unavailable';
    }
  }

  private async withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // The pool listens for errors of idle connections only; one that drops between two queries
    // of a batch says so as an event (the next query then fails and the batch is retried).
    const dropped = (error: Error) => this.noteUnavailable(error);
    client.on('error', dropped);
    let broken: Error | undefined;
    try {
      return await work(client);
    } catch (error) {
      if (failureKind(error) === 'unavailable') broken = error as Error;
      throw error;
    } finally {
      client.off('error', dropped);
      client.release(broken);
    }
  }

  private async channelIdOf(client: pg.ClientBase, twitchId: string): Promise<string | undefined> {
    const known = this.channelIds.get(twitchId);
    if (known !== undefined) return known;
    const { rows } = await client.query<{ id: string; twitch_id: string }>(
      'SELECT id::text, twitch_id FROM channels',
    );
    for (const row of rows) this.channelIds.set(row.twitch_id, row.id);
    return this.channelIds.get(twitchId);
  }

  private noteUnavailable(error: unknown): void {
    if (this.databaseWritable)
      this.logger.warn(
        `Postgres does not take archive writes (${describe(error)}); journaling lines under ${this.journal.directory} until it does`,
      );
    this.databaseWritable = false;
    this.lastError = describe(error);
    this.retryAfter = Date.now() + (this.stopped ? 0 : this.limits.retryEveryMs);
  }

  private noteError(message: string): void {
    this.lastError = message;
    this.logger.error(message);
  }

  private countReceived(): void {
    const second = Math.floor(Date.now() / 1000);
    if (second !== this.currentSecond) {
      const gap = Math.min(second - this.currentSecond, RATE_WINDOW_SECONDS);
      for (let i = 1; i <= gap; i++)
        this.perSecond[(this.currentSecond + i) % RATE_WINDOW_SECONDS] = 0;
      this.currentSecond = second;
    }
    this.perSecond[second % RATE_WINDOW_SECONDS]! += 1;
  }

  private ratePerSecond(): number {
    const second = Math.floor(Date.now() / 1000);
    let total = 0;
    // The complete seconds of the window, not the one under way.
    for (let i = 1; i <= RATE_WINDOW_SECONDS - 1; i++) {
      const at = second - i;
      if (at > this.currentSecond || this.currentSecond - at >= RATE_WINDOW_SECONDS) continue;
      total += this.perSecond[at % RATE_WINDOW_SECONDS]!;
    }
    return Math.round(total / (RATE_WINDOW_SECONDS - 1));
  }

  private lagMs(): number {
    const oldest = [
      this.journal.stats.oldestReceivedAt,
      this.inFlight?.receivedAt ?? null,
      this.buffer.length > 0 ? this.bufferSince : null,
    ].filter((at): at is number => at !== null);
    return oldest.length === 0 ? 0 : Math.max(0, Date.now() - Math.min(...oldest));
  }

  private updateGauges(): void {
    this.bufferMetric.set(this.buffer.length);
    this.journalMetric.set(this.journal.stats.rows);
    this.lagMetric.set(this.lagMs() / 1000);
  }
}

async function settlesWithin(work: Promise<void> | null, ms: number): Promise<boolean> {
  if (!work) return true;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = await Promise.race([work.then(() => true as const), timeout]);
  clearTimeout(timer);
  return settled;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return scrubSecrets(`${typeof code === 'string' ? `${code} ` : ''}${error.message}`);
}
