import { TestBed } from '@angular/core/testing';
import { EXPORT_ROWS_HEADER } from '@integron/contracts';
import { type Mock } from 'vitest';

import {
  EXPORT_FETCH,
  EXPORT_MESSAGES_URL,
  type ExportProgress,
  MessageExportService,
  SAVE_FILE,
} from './message-export.service';

const QUERY = {
  userId: '300001',
  since: '2026-11-01T00:00:00.000Z',
  until: '2026-11-22T00:00:00.000Z',
  format: 'csv',
} as const;

/** A streamed answer whose chunks the spec sends one by one. */
function streamedResponse(headers: Record<string, string>): {
  response: Response;
  send: (text: string) => void;
  end: () => void;
} {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (each) => (controller = each) });
  return {
    response: new Response(body, { status: 200, headers }),
    send: (text) => controller.enqueue(new TextEncoder().encode(text)),
    end: () => controller.close(),
  };
}

/** jsdom's Blob has no `text()`. */
function textOf(file: Blob | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!file) {
      reject(new Error('no file was saved'));
      return;
    }
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(new Error('could not read the file'));
    reader.readAsText(file);
  });
}

describe(MessageExportService.name, () => {
  let fetch: Mock<typeof globalThis.fetch>;
  let save: Mock<(file: Blob, filename: string) => void>;
  let sut: MessageExportService;

  beforeEach(() => {
    fetch = vi.fn<typeof globalThis.fetch>();
    save = vi.fn<(file: Blob, filename: string) => void>();
    TestBed.configureTestingModule({
      providers: [
        { provide: EXPORT_FETCH, useValue: fetch },
        { provide: SAVE_FILE, useValue: save },
      ],
    });
    sut = TestBed.inject(MessageExportService);
  });

  it('counts CSV rows against X-Export-Rows as they stream in, then saves the file', async () => {
    const stream = streamedResponse({ [EXPORT_ROWS_HEADER]: '3' });
    fetch.mockResolvedValue(stream.response);
    const seen: ExportProgress[] = [];
    const finished = new Promise<void>((resolve, reject) => {
      sut.run(QUERY, 'lou.csv').subscribe({
        next: (progress) => seen.push(progress),
        error: reject,
        complete: resolve,
      });
    });

    await vi.waitFor(() => expect(seen).toEqual([{ rows: 0, total: 3, done: false }]));
    stream.send('sent_at,channel,user,text\n2026-11-01,teamcaptain,lurkerlou,hi\n2026-11-');
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ rows: 1, total: 3, done: false }));
    stream.send('02,teamcaptain,lurkerlou,yo\n2026-11-03,teamcaptain,lurkerlou,gg\n');
    stream.end();
    await finished;

    expect(seen.at(-1)).toEqual({ rows: 3, total: 3, done: true });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe(
      `${EXPORT_MESSAGES_URL}?userId=300001&since=2026-11-01T00:00:00.000Z&until=2026-11-22T00:00:00.000Z&format=csv`,
    );
    expect(init?.credentials).toBe('same-origin');
    const [file, filename] = save.mock.calls[0] ?? [];
    expect(filename).toBe('lou.csv');
    expect(file?.type).toBe('text/csv;charset=utf-8');
    expect(await textOf(file)).toContain('2026-11-03,teamcaptain,lurkerlou,gg');
  });

  it('counts every NDJSON line, the last one even without a newline', async () => {
    const stream = streamedResponse({});
    fetch.mockResolvedValue(stream.response);
    const seen: ExportProgress[] = [];
    const finished = new Promise<void>((resolve) => {
      sut.run({ ...QUERY, format: 'ndjson' }, 'lou.ndjson').subscribe({
        next: (progress) => seen.push(progress),
        complete: resolve,
      });
    });

    await vi.waitFor(() => expect(seen).toHaveLength(1));
    stream.send('{"text":"a"}\n{"text":"b"}');
    stream.end();
    await finished;

    expect(seen.at(-1)).toEqual({ rows: 2, total: null, done: true });
  });

  it("fails with the server's reason", async () => {
    fetch.mockResolvedValue(
      new Response(
        JSON.stringify({
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'until must be after since',
        }),
        { status: 400, headers: { 'content-type': 'application/json' } },
      ),
    );

    const failure = new Promise<unknown>((resolve) => {
      sut.run(QUERY, 'lou.csv').subscribe({ error: resolve });
    });

    expect(await failure).toEqual(new Error('until must be after since.'));
    expect(save).not.toHaveBeenCalled();
  });

  it('cancels the download when unsubscribed', async () => {
    const stream = streamedResponse({ [EXPORT_ROWS_HEADER]: '10' });
    fetch.mockResolvedValue(stream.response);

    const subscription = sut.run(QUERY, 'lou.csv').subscribe();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    subscription.unsubscribe();

    expect(fetch.mock.calls[0]?.[1]?.signal?.aborted).toBe(true);
    expect(save).not.toHaveBeenCalled();
  });
});
