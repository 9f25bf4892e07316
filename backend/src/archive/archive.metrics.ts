import { makeCounterProvider, makeGaugeProvider } from '@willsoto/nestjs-prometheus';
import { type Provider } from '@nestjs/common';

export const ARCHIVE_ROWS_METRIC = 'integron_archive_rows_total';
export const ARCHIVE_BUFFER_METRIC = 'integron_archive_buffer_rows';
export const ARCHIVE_JOURNAL_METRIC = 'integron_archive_journal_rows';
export const ARCHIVE_LAG_METRIC = 'integron_archive_lag_seconds';

export const ARCHIVE_METRIC_PROVIDERS: Provider[] = [
  makeCounterProvider({
    name: ARCHIVE_ROWS_METRIC,
    help: 'Archive rows: written to Postgres, skipped as duplicates, or rejected (set aside in the journal).',
    labelNames: ['outcome'],
  }),
  makeGaugeProvider({
    name: ARCHIVE_BUFFER_METRIC,
    help: 'Chat lines waiting in memory for the next archive batch.',
  }),
  makeGaugeProvider({
    name: ARCHIVE_JOURNAL_METRIC,
    help: 'Chat lines in the on-disk journal, waiting for Postgres.',
  }),
  makeGaugeProvider({
    name: ARCHIVE_LAG_METRIC,
    help: 'Age of the oldest chat line not yet committed to Postgres, in seconds.',
  }),
];
