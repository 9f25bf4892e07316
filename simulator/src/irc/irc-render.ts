import { type Happening } from '../twitch/happenings.js';
import { type SimChannel, type TwitchWorld } from '../world/twitch-world.js';
import { chatClearedLine, clearChatLine, clearMsgLine, privmsgLine } from './chat-lines.js';
import { announcementNotice, giftNotices, raidNotice, subscriptionNotice } from './user-notices.js';

export interface RenderedIrc {
  /** The channel's login, without `#`. */
  channel: string;
  /** Tagged lines without CRLF; none for what Twitch does not show in IRC. */
  lines: string[];
}

/** How Twitch's chat server shows `happening`, given the world as it is after it happened. */
export function renderIrc(happening: Happening, world: TwitchWorld): RenderedIrc {
  const channel = world.channels.get(happening.channel.id);
  return { channel: happening.channel.login, lines: linesOf(happening, channel) };
}

function linesOf(happening: Happening, channel: SimChannel | undefined): string[] {
  switch (happening.kind) {
    case 'chat.message':
      return [privmsgLine(happening, channel)];
    case 'chat.message_delete':
      return [clearMsgLine(happening)];
    case 'moderation.ban':
      return [clearChatLine(happening)];
    case 'chat.clear':
      return [chatClearedLine(happening)];
    case 'subscription':
      return [subscriptionNotice(happening, channel)];
    case 'gift':
      return giftNotices(happening, channel);
    case 'raid':
      return [raidNotice(happening, channel)];
    case 'announcement':
      return [announcementNotice(happening, channel)];
    case 'moderation.unban':
    case 'follow':
    case 'redemption':
    case 'poll.begin':
    case 'poll.end':
    case 'prediction.begin':
    case 'prediction.end':
    case 'hype_train.begin':
    case 'hype_train.end':
    case 'shoutout':
    case 'stream.online':
    case 'stream.offline':
      return [];
  }
}
