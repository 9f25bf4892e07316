import { type ActivityPoint, type ChannelStats, type ModActionType } from '@integron/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../../http/api-error.js';
import { channelBriefOf } from './archived-message.mapper.js';
import { zeroCounts } from './mod-actions.service.js';

/**
 * The last `hours` hours as UTC hour starts, oldest first (the current hour last), each with the
 * sum of `channel_hourly_activity.messages` in it; `$1` is the number of hours.
 */
export const HOURLY_SERIES = (where: string) => `
  WITH hours AS (
    SELECT generate_series(
             date_trunc('hour', now(), 'UTC') - ($1::int - 1) * interval '1 hour',
             date_trunc('hour', now(), 'UTC'),
             interval '1 hour') AS hour
  ), counted AS (
    SELECT hour, sum(messages)::int AS n FROM channel_hourly_activity
     WHERE hour >= (SELECT min(hour) FROM hours) ${where ? `AND ${where}` : ''}
     GROUP BY hour
  )
  SELECT hours.hour AS at, coalesce(counted.n, 0) AS messages
    FROM hours LEFT JOIN counted USING (hour) ORDER BY hours.hour`;

export function activityOf(rows: { at: Date; messages: number }[]): ActivityPoint[] {
  return rows.map((row) => ({ at: row.at.toISOString(), messages: row.messages }));
}

/** One channel's activity: messages per hour, who chatted lately, and moderation. */
@Injectable()
export class ChannelStatsService {
  constructor(private readonly dataSource: DataSource) {}

  async stats(channelId: string, hours: number): Promise<ChannelStats> {
    const [channel] = await this.dataSource.query<
      {
        channel_id: string;
        channel_twitch_id: string;
        channel_login: string;
        channel_name: string;
      }[]
    >(
      `SELECT id::text AS channel_id, twitch_id AS channel_twitch_id, login AS channel_login,
              display_name AS channel_name
         FROM channels WHERE id = $1`,
      [channelId],
    );
    if (!channel) throw new ApiError('NOT_FOUND', `No channel with id ${channelId}.`);
    const [perHour, [total], [active], actions] = await Promise.all([
      this.dataSource.query<{ at: Date; messages: number }[]>(HOURLY_SERIES('channel_id = $2'), [
        hours,
        channelId,
      ]),
      this.dataSource.query<{ n: string }[]>(
        `SELECT coalesce(sum(messages), 0)::text AS n FROM channel_hourly_activity WHERE channel_id = $1`,
        [channelId],
      ),
      this.dataSource.query<{ last_hour: number; last_day: number }[]>(
        `SELECT count(*) FILTER (WHERE last_seen > now() - interval '1 hour')::int AS last_hour,
                count(*)::int AS last_day
           FROM channel_chatters WHERE channel_id = $1 AND last_seen > now() - interval '24 hours'`,
        [channelId],
      ),
      this.dataSource.query<{ type: ModActionType; n: number }[]>(
        `SELECT type, count(*)::int AS n FROM mod_actions
          WHERE channel_id = $1 AND occurred_at > now() - $2::int * interval '1 hour'
          GROUP BY type`,
        [channelId, hours],
      ),
    ]);
    const modActions = zeroCounts();
    for (const row of actions) modActions[row.type] = row.n;
    return {
      channel: channelBriefOf(channel),
      messagesPerHour: activityOf(perHour),
      totalMessages: Number(total?.n ?? 0),
      activeUsers: { lastHour: active?.last_hour ?? 0, lastDay: active?.last_day ?? 0 },
      modActions,
    };
  }
}
