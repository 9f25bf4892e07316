import { Injectable } from '@nestjs/common';
import { TwitchChat } from '../../twitch/chat/twitch-chat.service.js';
import { type RecentMessagesQueryDto } from './dto/recent-messages-query.dto.js';
import { LogArchive } from './log-archive.service.js';
import { LogApiError } from './log-api-error.js';
import { exportRecentLines } from './recent-messages.format.js';

/** recent-messages2's `GetRecentMessagesResponse`. */
export interface RecentMessagesBody {
  messages: string[];
  error: string | null;
  error_code: string | null;
}

/** recent-messages2's own rule for a channel login. */
const CHANNEL_LOGIN = /^[a-z0-9_]{1,25}$/;
/** Chatterino asks for 800; more is never sent. */
export const RECENT_MESSAGES_MAX = 800;
const NOT_JOINED =
  'The bot is currently not joined to this channel (in progress or failed previously)';

/**
 * recent-messages v2: the lines a chat client shows when it joins a channel. A channel Integron
 * does not read right now (unknown, deactivated, removed, or still joining) is answered 200 with
 * whatever history it has and the `channel_not_joined` error, as recent-messages2 does.
 */
@Injectable()
export class RecentMessagesService {
  constructor(
    private readonly archive: LogArchive,
    private readonly chat: TwitchChat,
  ) {}

  async recent(login: string, query: RecentMessagesQueryDto): Promise<RecentMessagesBody> {
    if (!CHANNEL_LOGIN.test(login))
      throw new LogApiError(
        'invalid_channel_login',
        `Invalid channel login \`${login}\`: a Twitch login is 1 to 25 lowercase letters, digits or underscores`,
      );
    const channel = await this.archive.channelByLogin(login);
    const limit = Math.min(
      query.limit === undefined ? RECENT_MESSAGES_MAX : Number(query.limit),
      RECENT_MESSAGES_MAX,
    );
    const lines =
      channel && limit > 0
        ? await this.archive.recentLines(channel, {
            limit,
            before: query.before === undefined ? null : new Date(Number(query.before)),
            after: query.after === undefined ? null : new Date(Number(query.after)),
          })
        : [];
    const messages = exportRecentLines(lines, {
      hideModerationMessages: isTrue(
        query.hide_moderation_messages ?? query.hideModerationMessages,
      ),
      hideModeratedMessages: isTrue(query.hide_moderated_messages ?? query.hideModeratedMessages),
      clearchatToNotice: isTrue(query.clearchat_to_notice ?? query.clearchatToNotice),
    });
    const joined =
      channel !== null &&
      !channel.removed &&
      channel.isActive &&
      this.chat.connectionOf(channel.login).state === 'joined';
    return joined
      ? { messages, error: null, error_code: null }
      : { messages, error: NOT_JOINED, error_code: 'channel_not_joined' };
  }
}

function isTrue(value: string | undefined): boolean {
  return value === 'true';
}
