import { type Page, type Viewer, type ViewerQuery, type ViewerSort } from '@integron/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { COUNT_LIMIT, pageOf, pageSliceOf, SqlParams, whereOf } from '../http/query-support.js';
import { TwitchUsers } from '../twitch/helix/twitch-users.js';

const SORT_COLUMNS: Record<ViewerSort, string> = {
  messages: 'cc.message_count',
  lastSeen: 'cc.last_seen',
  bits: 'cc.bits_total',
  subMonths: 'cc.sub_months',
};

interface ViewerRow {
  id: string;
  login: string;
  display_name: string;
  profile_image_url: string | null;
  profile_checked_at: Date | null;
  channel_id: string;
  channel_login: string;
  channel_name: string;
  message_count: string;
  bits_total: string;
  sub_months: number;
  first_seen: Date;
  last_seen: Date;
}

/**
 * Viewers: each chatter's standing per channel (messages, bits, sub months, first and last seen)
 * as the archive counts it, with their Twitch profile image, looked up once.
 */
@Injectable()
export class ViewersService {
  private readonly logger = new Logger('Viewers');

  constructor(
    private readonly dataSource: DataSource,
    private readonly twitchUsers: TwitchUsers,
  ) {}

  async list(query: ViewerQuery): Promise<Page<Viewer>> {
    const slice = pageSliceOf(query);
    const params = new SqlParams();
    const conditions = ['ch.removed_at IS NULL'];
    if (query.channelId) conditions.push(`cc.channel_id = ${params.add(query.channelId)}`);
    if (query.q) {
      const prefix = params.add(`${query.q.toLowerCase()}%`);
      conditions.push(`(c.login LIKE ${prefix} OR lower(c.display_name) LIKE ${prefix})`);
    }
    const from = `FROM channel_chatters cc
      JOIN chatters c ON c.twitch_id = cc.chatter_id
      JOIN channels ch ON ch.id = cc.channel_id ${whereOf(conditions)}`;
    const filterValues = [...params.values];
    const direction = query.order === 'asc' ? 'ASC' : 'DESC';
    const [rows, counted] = await Promise.all([
      this.dataSource.query<ViewerRow[]>(
        `SELECT c.twitch_id::text AS id, c.login, c.display_name, c.profile_image_url,
                c.profile_checked_at, ch.id::text AS channel_id, ch.login AS channel_login,
                ch.display_name AS channel_name, cc.message_count, cc.bits_total, cc.sub_months,
                cc.first_seen, cc.last_seen
           ${from}
          ORDER BY ${SORT_COLUMNS[query.sort ?? 'messages']} ${direction}, cc.chatter_id ${direction}
          LIMIT ${params.add(slice.limit)} OFFSET ${params.add(slice.offset)}`,
        params.values,
      ),
      this.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM (SELECT 1 ${from} LIMIT ${COUNT_LIMIT}) t`,
        filterValues,
      ),
    ]);
    const images = await this.lookUpProfileImages(rows);
    return pageOf(
      rows.map((row) => ({
        user: { id: row.id, login: row.login, displayName: row.display_name },
        channel: { id: row.channel_id, login: row.channel_login, displayName: row.channel_name },
        messageCount: Number(row.message_count),
        bitsTotal: Number(row.bits_total),
        subMonths: row.sub_months,
        firstSeen: row.first_seen.toISOString(),
        lastSeen: row.last_seen.toISOString(),
        profileImageUrl: images.get(row.id) ?? row.profile_image_url,
      })),
      counted[0]?.n ?? 0,
      slice,
    );
  }

  /** The images of the listed chatters never looked up; a failed lookup is tried next time. */
  private async lookUpProfileImages(rows: ViewerRow[]): Promise<Map<string, string>> {
    const unchecked = [
      ...new Set(rows.filter((row) => !row.profile_checked_at).map((row) => row.id)),
    ];
    if (unchecked.length === 0) return new Map();
    try {
      const images = await this.twitchUsers.profileImages(unchecked);
      await this.dataSource.query(
        `UPDATE chatters c SET profile_image_url = i.url, profile_checked_at = now()
           FROM unnest($1::bigint[], $2::text[]) AS i (id, url) WHERE c.twitch_id = i.id`,
        [unchecked, unchecked.map((id) => images.get(id) ?? null)],
      );
      return images;
    } catch (error) {
      this.logger.warn(
        `Looking up ${unchecked.length} profile images on Twitch failed: ${String(error)}`,
      );
      return new Map();
    }
  }
}
