import {
  ALERT_HEADLINE_MAX_LENGTH,
  ALERT_QUEUE_MAX_WAITING,
  type AlertQueueReport,
  STREAM_EVENT_TYPES,
} from '@integron/contracts';
import { z } from 'zod';

const entry = z.strictObject({
  eventId: z.string().min(1).max(200),
  type: z.enum(STREAM_EVENT_TYPES),
  headline: z.string().max(ALERT_HEADLINE_MAX_LENGTH),
});

const report = z.strictObject({
  paused: z.boolean(),
  showing: entry.nullable(),
  waiting: z.array(entry).max(ALERT_QUEUE_MAX_WAITING),
});

/** An alerts overlay's `alert-queue` message, checked; what is wrong with it otherwise. */
export function parseAlertQueueReport(
  value: unknown,
): { ok: true; report: AlertQueueReport } | { ok: false; problem: string } {
  const parsed = report.safeParse(value);
  if (parsed.success) return { ok: true, report: parsed.data };
  return { ok: false, problem: z.prettifyError(parsed.error).replaceAll('\n', ' ') };
}
