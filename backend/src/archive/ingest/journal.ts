import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type ChatEvent } from '@integron/contracts';

/** A batch kept on disk until Postgres takes it. */
export interface JournalEntry {
  seq: number;
  file: string;
  rows: number;
  bytes: number;
  /** When its oldest line arrived (epoch ms). */
  receivedAt: number;
}

const FILE = /^(\d{16})\.ndjson$/;

/**
 * The archive's spill-over: while Postgres is unreachable (or a batch will not fit in memory),
 * batches are written here, one file per batch named by its sequence number, fsynced and renamed
 * into place so a crash never leaves half a file. Replay goes oldest first.
 */
export class ArchiveJournal {
  private readonly entries: JournalEntry[] = [];
  private ready = false;

  constructor(readonly directory: string) {}

  /** Loads what an earlier run left behind. Returns the highest sequence number found. */
  async open(): Promise<number> {
    const names = await readdir(this.directory).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    for (const name of names.sort()) {
      const match = FILE.exec(name);
      if (!match) continue;
      const file = join(this.directory, name);
      const info = await stat(file);
      const text = await readFile(file, 'utf8');
      this.entries.push({
        seq: Number(match[1]),
        file,
        rows: countLines(text),
        bytes: info.size,
        receivedAt: info.mtimeMs,
      });
    }
    this.ready = true;
    return this.entries.at(-1)?.seq ?? 0;
  }

  get pending(): boolean {
    return this.entries.length > 0;
  }

  get stats(): { files: number; rows: number; bytes: number; oldestReceivedAt: number | null } {
    let rows = 0;
    let bytes = 0;
    for (const entry of this.entries) {
      rows += entry.rows;
      bytes += entry.bytes;
    }
    return {
      files: this.entries.length,
      rows,
      bytes,
      oldestReceivedAt: this.entries[0]?.receivedAt ?? null,
    };
  }

  /** Synchronous on purpose: called where a line must not wait (a full buffer, a shutdown). */
  append(seq: number, events: readonly ChatEvent[], receivedAt: number): void {
    if (!this.ready) throw new Error('The archive journal is not open');
    mkdirSync(this.directory, { recursive: true, mode: 0o700 });
    const name = `${String(seq).padStart(16, '0')}.ndjson`;
    const file = join(this.directory, name);
    const temporary = `${file}.tmp`;
    const text = events.map((event) => JSON.stringify(event)).join('\n') + '\n';
    const fd = openSync(temporary, 'w', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
    const entry = { seq, file, rows: events.length, bytes: Buffer.byteLength(text), receivedAt };
    // Kept in sequence order: a failed in-flight batch may be older than a spilled one.
    const at = this.entries.findIndex((existing) => existing.seq > seq);
    if (at === -1) this.entries.push(entry);
    else this.entries.splice(at, 0, entry);
  }

  /** The oldest batch, to replay. */
  async oldest(): Promise<{ entry: JournalEntry; events: ChatEvent[] } | null> {
    const entry = this.entries[0];
    if (!entry) return null;
    const text = await readFile(entry.file, 'utf8');
    const events = text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as ChatEvent);
    return { entry, events };
  }

  /** Forgets a batch once Postgres has committed it. */
  async remove(entry: JournalEntry): Promise<void> {
    await rm(entry.file, { force: true });
    const at = this.entries.indexOf(entry);
    if (at !== -1) this.entries.splice(at, 1);
  }

  /** Sets a batch aside that Postgres refused for its content, so it neither blocks nor is lost. */
  reject(entry: JournalEntry): string {
    const rejected = join(this.directory, 'rejected');
    mkdirSync(rejected, { recursive: true, mode: 0o700 });
    const target = join(rejected, `${String(entry.seq).padStart(16, '0')}.ndjson`);
    renameSync(entry.file, target);
    const at = this.entries.indexOf(entry);
    if (at !== -1) this.entries.splice(at, 1);
    return target;
  }
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
