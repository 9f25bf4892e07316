import { type ArchiveOverview } from '@integron/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { channelBriefOf } from './archived-message.mapper.js';
import { activityOf, HOURLY_SERIES } from './channel-stats.service.js';
import { ModActionsService } from './mod-actions.service.js';

const TOP = 10;
const RECENT_MOD_ACTIONS = 10;

/** The dashboard's view of the archive as a whole. */
@Injectable()
export class ArchiveOverviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly modActions: ModActionsService,
  ) {}

  async overview(): Promise<ArchiveOverview> {
    const [[totals], perHour, channels, chatters, recentModActions] = await Promise.all([
      this.dataSource.query<
        {
          messages: string;
          chatters: number;
          mod_actions: number;
          channels: number;
          pending: number;
        }[]
      >(
        `SELECT (SELECT coalesce(sum(messages), 0) FROM channel_hourly_activity)::text AS messages,
                (SELECT count(*) FROM chatters)::int AS chatters,
                (SELECT count(*) FROM mod_actions)::int AS mod_actions,
                (SELECT count(*) FROM channels WHERE removed_at IS NULL)::int AS channels,
                (SELECT count(*) FROM mod_actions WHERE review_status = 'pending')::int AS pending`,
      ),
      this.dataSource.query<{ at: Date; messages: number }[]>(HOURLY_SERIES(''), [24]),
      this.dataSource.query<
        {
          channel_id: string;
          channel_twitch_id: string;
          channel_login: string;
          channel_name: string;
          n: number;
        }[]
      >(
        `SELECT c.id::text AS channel_id, c.twitch_id AS channel_twitch_id, c.login AS channel_login,
                c.display_name AS channel_name, sum(h.messages)::int AS n
           FROM channel_hourly_activity h JOIN channels c ON c.id = h.channel_id
          WHERE h.hour >= date_trunc('hour', now(), 'UTC') - interval '23 hours'
          GROUP BY c.id ORDER BY n DESC, c.login LIMIT $1`,
        [TOP],
      ),
      // Seen in the last day, found per channel through (channel_id, last_seen); their counts are
      // all-time sums over the channels.
      this.dataSource.query<{ id: string; login: string; display_name: string; n: string }[]>(
        `WITH recent AS (
           SELECT DISTINCT r.chatter_id FROM channels c CROSS JOIN LATERAL (
             SELECT chatter_id FROM channel_chatters
              WHERE channel_id = c.id AND last_seen > now() - interval '24 hours'
           ) r
         )
         SELECT ch.twitch_id::text AS id, ch.login, ch.display_name, sum(cc.message_count)::text AS n
           FROM recent
           JOIN channel_chatters cc ON cc.chatter_id = recent.chatter_id
           JOIN chatters ch ON ch.twitch_id = recent.chatter_id
          GROUP BY ch.twitch_id ORDER BY sum(cc.message_count) DESC, ch.login LIMIT $1`,
        [TOP],
      ),
      this.modActions.recent(RECENT_MOD_ACTIONS),
    ]);
    return {
      totals: {
        messages: Number(totals?.messages ?? 0),
        chatters: totals?.chatters ?? 0,
        modActions: totals?.mod_actions ?? 0,
        channels: totals?.channels ?? 0,
      },
      messagesPerHour: activityOf(perHour),
      mostActiveChannels: channels.map((row) => ({
        channel: channelBriefOf(row),
        messages: row.n,
      })),
      mostActiveChatters: chatters.map((row) => ({
        user: { id: row.id, login: row.login, displayName: row.display_name },
        messages: Number(row.n),
      })),
      recentModActions,
      pendingReviews: totals?.pending ?? 0,
    };
  }
}
