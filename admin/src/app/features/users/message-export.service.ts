import { DOCUMENT } from '@angular/common';
import { HttpParams } from '@angular/common/http';
import { Injectable, InjectionToken, inject } from '@angular/core';
import { EXPORT_ROWS_HEADER, type ExportFormat, type ExportQuery } from '@integron/contracts';
import { Observable } from 'rxjs';

import { apiErrorMessage, isApiErrorBody } from '../../core/api-error.util';
import { toHttpParams } from '../../core/query-params.util';

export const EXPORT_MESSAGES_URL = '/api/exports/messages';

/**
 * `fetch`, so the export reads the response as a stream (HttpClient only hands over the whole
 * body). A token, so specs can answer with a stream of their own.
 */
export const EXPORT_FETCH = new InjectionToken<typeof fetch>('EXPORT_FETCH', {
  factory: () => {
    const view = inject(DOCUMENT).defaultView;
    return (input, init) =>
      view
        ? view.fetch(input, init)
        : Promise.reject(new Error('No browser window to fetch from.'));
  },
});

/** Hands a finished file to the browser as a download. */
export const SAVE_FILE = new InjectionToken<(file: Blob, filename: string) => void>('SAVE_FILE', {
  factory: () => {
    const document = inject(DOCUMENT);
    return (file, filename) => {
      const url = URL.createObjectURL(file);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    };
  },
});

export interface ExportProgress {
  rows: number;
  /** From the `X-Export-Rows` header; `null` when the server did not say. */
  total: number | null;
  done: boolean;
}

const MIME_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  ndjson: 'application/x-ndjson;charset=utf-8',
};

const NEWLINE = 0x0a;

/**
 * Streams an export: counts rows as lines arrive (a CSV's first line is its header), then saves
 * the file. Unsubscribing cancels the download.
 */
@Injectable({ providedIn: 'root' })
export class MessageExportService {
  private readonly fetch = inject(EXPORT_FETCH);
  private readonly save = inject(SAVE_FILE);

  run(query: ExportQuery, filename: string): Observable<ExportProgress> {
    return new Observable<ExportProgress>((subscriber) => {
      const abort = new AbortController();
      const params: HttpParams = toHttpParams(query);
      this.download(
        `${EXPORT_MESSAGES_URL}?${params.toString()}`,
        query.format,
        abort.signal,
        (progress) => subscriber.next(progress),
      ).then(
        (file) => {
          this.save(file.blob, filename);
          subscriber.next({ rows: file.rows, total: file.total, done: true });
          subscriber.complete();
        },
        (error: unknown) => {
          if (!abort.signal.aborted) {
            subscriber.error(error);
          }
        },
      );
      return () => abort.abort();
    });
  }

  private async download(
    url: string,
    format: ExportFormat,
    signal: AbortSignal,
    report: (progress: ExportProgress) => void,
  ): Promise<{ blob: Blob; rows: number; total: number | null }> {
    const response = await this.fetch(url, { credentials: 'same-origin', signal });
    if (!response.ok) {
      throw new Error(await refusal(response));
    }
    const header = response.headers.get(EXPORT_ROWS_HEADER);
    const total = header !== null && /^\d+$/.test(header) ? Number(header) : null;
    const headerLines = format === 'csv' ? 1 : 0;
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    let lines = 0;
    let endsWithNewline = true;
    const rows = (): number => {
      const counted = Math.max(0, lines - headerLines);
      return total === null ? counted : Math.min(counted, total);
    };
    report({ rows: 0, total, done: false });
    const reader = response.body?.getReader();
    if (reader) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          break;
        }
        chunks.push(value);
        for (const byte of value) {
          if (byte === NEWLINE) {
            lines += 1;
          }
        }
        endsWithNewline = value.at(-1) === NEWLINE || (value.length === 0 && endsWithNewline);
        report({ rows: rows(), total, done: false });
      }
    }
    if (!endsWithNewline) {
      // The last line has no newline after it.
      lines += 1;
    }
    return { blob: new Blob(chunks, { type: MIME_TYPES[format] }), rows: rows(), total };
  }
}

/** The sentence of an API error body, or the status when the body is something else. */
async function refusal(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    if (isApiErrorBody(body)) {
      return apiErrorMessage(body);
    }
  } catch {
    // Not JSON: say the status instead.
  }
  return `The server answered with HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
}
