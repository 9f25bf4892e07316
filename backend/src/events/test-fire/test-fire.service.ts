import { randomUUID } from 'node:crypto';
import {
  type ChannelRef,
  type StreamEvent,
  type StreamEventType,
  type TestFireRequest,
  type TestFireTarget,
} from '@integron/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventBus } from '../../bus/event-bus.js';
import { ApiError } from '../../http/api-error.js';
import { StreamEventsService } from '../stream-events.service.js';
import { sampleFields } from './sample-events.js';
import { STREAM_EVENT_FIELDS } from './stream-event-schemas.js';

/**
 * The test panel: fires any stream event, marked as a test (`source: 'test'`), either only to the
 * overlays or through the whole pipeline, where the events log keeps it as a test.
 */
@Injectable()
export class TestFireService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: EventBus,
    private readonly streamEvents: StreamEventsService,
  ) {}

  sample(type: StreamEventType): Record<string, unknown> {
    return sampleFields(type);
  }

  async fire(request: TestFireRequest): Promise<StreamEvent> {
    const fields = request.payload ?? sampleFields(request.type);
    const parsed = STREAM_EVENT_FIELDS[request.type].safeParse(fields);
    if (!parsed.success)
      throw new ApiError(
        'VALIDATION_FAILED',
        `The payload is not a valid ${request.type} event: ${parsed.error.issues
          .map((issue) => `${['payload', ...issue.path].join('.')}: ${issue.message}`)
          .join('; ')}.`,
        parsed.error.issues.map((issue) => ({
          field: ['payload', ...issue.path].join('.'),
          message: issue.message,
        })),
      );
    const event = {
      ...parsed.data,
      type: request.type,
      eventId: `test:${randomUUID()}`,
      channel: await this.channel(request.channelId),
      occurredAt: new Date().toISOString(),
      source: 'test',
    } as StreamEvent;
    this.send(event, request.target ?? 'pipeline');
    return event;
  }

  /** Fires a logged event again, as a test. */
  async refire(logId: string, target: TestFireTarget = 'pipeline'): Promise<StreamEvent> {
    const [row]: { data: StreamEvent }[] = await this.dataSource.query(
      'SELECT data FROM stream_events WHERE id = $1',
      [logId],
    );
    if (!row) throw new ApiError('NOT_FOUND', `The events log has no event ${logId}.`);
    const event: StreamEvent = {
      ...row.data,
      eventId: `test:${randomUUID()}`,
      occurredAt: new Date().toISOString(),
      source: 'test',
    };
    this.send(event, target);
    return event;
  }

  private send(event: StreamEvent, target: TestFireTarget): void {
    if (target === 'overlays') this.streamEvents.show(event);
    else this.bus.publish(event);
  }

  private async channel(channelId: string): Promise<ChannelRef> {
    const [row]: ChannelRef[] = await this.dataSource.query(
      `SELECT twitch_id AS id, login, display_name AS "displayName" FROM channels
        WHERE id = $1 AND removed_at IS NULL`,
      [channelId],
    );
    if (!row)
      throw new ApiError(
        'NOT_FOUND',
        `No channel has the id ${channelId}; GET /api/channels lists them.`,
      );
    return row;
  }
}
