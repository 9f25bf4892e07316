import {
  type AnnouncementHappening,
  type GiftHappening,
  type RaidHappening,
  type SimEmote,
  type SubscriptionHappening,
} from '../twitch/happenings.js';
import { type SimChannel, type SimUser } from '../world/twitch-world.js';
import { chatterTags, flag, standingIn } from '../twitch/chatter-standing.js';
import { formatEmotesTag } from './emotes.js';
import { formatIrcMessage } from './irc-message.js';
import { stableDigits, stableUuid } from './stable-ids.js';
import {
  mysteryGiftMessage,
  raidMessage,
  subGiftMessage,
  subscribedMessage,
} from './system-messages.js';
import { SERVER_PREFIX } from './twitch-prefixes.js';

/** The account Twitch names as the sender of anonymous gifts (PROTOCOL C7). */
const ANONYMOUS_GIFTER: Readonly<Record<string, string>> = {
  'badge-info': '',
  badges: '',
  color: '',
  'display-name': 'AnAnonymousGifter',
  login: 'ananonymousgifter',
  mod: '0',
  subscriber: '0',
  'user-id': '274598607',
  'user-type': '',
  vip: '0',
};

interface UserNotice {
  id: string;
  msgId: string;
  sender: Readonly<Record<string, string>>;
  systemMsg: string;
  /** `msg-param-*` tags, named without that prefix. */
  params: Readonly<Record<string, string>>;
  /** What the user wrote along with the event, if anything. */
  message?: { text: string; emotes: readonly SimEmote[] } | null;
}

export function subscriptionNotice(
  sub: SubscriptionHappening,
  channel: SimChannel | undefined,
): string {
  const plan = sub.isPrime ? 'Prime' : sub.tier;
  const isResub = sub.cumulativeMonths > 1;
  const params: Record<string, string> = {
    'cumulative-months': String(sub.cumulativeMonths),
    months: '0',
    'multimonth-duration': String(sub.durationMonths),
    'multimonth-tenure': '0',
    'should-share-streak': flag(sub.streakMonths !== null),
    'sub-plan-name': subPlanName(sub.channel),
    'sub-plan': plan,
    'was-gifted': 'false',
  };
  if (sub.streakMonths !== null) params['streak-months'] = String(sub.streakMonths);
  const months = isResub ? { cumulative: sub.cumulativeMonths, streak: sub.streakMonths } : null;
  return userNoticeLine(sub, {
    id: stableUuid(sub.kind, sub.channel.id, sub.user.id, String(sub.at)),
    msgId: isResub ? 'resub' : 'sub',
    sender: senderTags(sub.user, channel),
    systemMsg: subscribedMessage(sub.user.displayName, plan, months),
    params,
    message: sub.message,
  });
}

/**
 * A single gift is one `subgift`; a mystery gift is one `submysterygift` followed by a `subgift`
 * per recipient, all sharing `community-gift-id` (PROTOCOL C7).
 */
export function giftNotices(gift: GiftHappening, channel: SimChannel | undefined): string[] {
  const sender = gift.gifter ? senderTags(gift.gifter, channel) : ANONYMOUS_GIFTER;
  const communityGiftId = gift.communityGiftId;
  if (communityGiftId === null) {
    return gift.recipients.map((recipient) =>
      subGiftLine(gift, recipient, channel, sender, {
        'origin-id': stableDigits(...giftIdentity(gift), recipient.id),
      }),
    );
  }
  const params: Record<string, string> = {
    'community-gift-id': communityGiftId,
    'mass-gift-count': String(gift.recipients.length),
    'origin-id': communityGiftId,
    'sub-plan': gift.tier,
  };
  if (gift.gifterTotal !== null) params['sender-count'] = String(gift.gifterTotal);
  const mysteryGift = userNoticeLine(gift, {
    id: stableUuid(...giftIdentity(gift)),
    msgId: 'submysterygift',
    sender,
    systemMsg: mysteryGiftMessage(
      gift.gifter?.displayName ?? null,
      gift.recipients.length,
      gift.tier,
      gift.channel.displayName,
      gift.gifterTotal,
    ),
    params,
  });
  const shared = { 'community-gift-id': communityGiftId, 'origin-id': communityGiftId };
  return [
    mysteryGift,
    ...gift.recipients.map((recipient) => subGiftLine(gift, recipient, channel, sender, shared)),
  ];
}

function subGiftLine(
  gift: GiftHappening,
  recipient: SimUser,
  channel: SimChannel | undefined,
  sender: Readonly<Record<string, string>>,
  origin: Readonly<Record<string, string>>,
): string {
  const isPartOfMysteryGift = gift.communityGiftId !== null;
  const senderCount = isPartOfMysteryGift ? 0 : (gift.gifterTotal ?? 0);
  const params: Record<string, string> = {
    ...origin,
    'gift-months': '1',
    months: String(channel?.subscriptions.get(recipient.id)?.cumulativeMonths ?? 1),
    'recipient-display-name': recipient.displayName,
    'recipient-id': recipient.id,
    'recipient-user-name': recipient.login,
    'sub-plan-name': subPlanName(gift.channel),
    'sub-plan': gift.tier,
  };
  if (gift.gifter) params['sender-count'] = String(senderCount);
  return userNoticeLine(gift, {
    id: stableUuid(...giftIdentity(gift), recipient.id),
    msgId: 'subgift',
    sender,
    systemMsg: subGiftMessage(
      gift.gifter?.displayName ?? null,
      gift.tier,
      recipient.displayName,
      senderCount,
    ),
    params,
  });
}

export function raidNotice(raid: RaidHappening, channel: SimChannel | undefined): string {
  return userNoticeLine(raid, {
    id: stableUuid(raid.kind, raid.channel.id, raid.from.id, String(raid.at)),
    msgId: 'raid',
    sender: senderTags(raid.from, channel),
    systemMsg: raidMessage(raid.from.displayName, raid.viewers),
    params: {
      displayName: raid.from.displayName,
      login: raid.from.login,
      profileImageURL: raid.from.profileImageUrl.replace('-300x300.', '-70x70.'),
      viewerCount: String(raid.viewers),
    },
  });
}

export function announcementNotice(
  announcement: AnnouncementHappening,
  channel: SimChannel | undefined,
): string {
  return userNoticeLine(announcement, {
    id: announcement.id,
    msgId: 'announcement',
    sender: senderTags(announcement.user, channel),
    systemMsg: '',
    params: { color: announcement.color },
    message: { text: announcement.text, emotes: [] },
  });
}

function userNoticeLine(happening: { channel: SimUser; at: number }, notice: UserNotice): string {
  const params = Object.entries(notice.params).map(
    ([name, value]) => [`msg-param-${name}`, value] as const,
  );
  return formatIrcMessage({
    tags: {
      ...notice.sender,
      ...Object.fromEntries(params),
      emotes: formatEmotesTag(notice.message?.emotes ?? []),
      flags: '',
      id: notice.id,
      'msg-id': notice.msgId,
      'room-id': happening.channel.id,
      'system-msg': notice.systemMsg,
      'tmi-sent-ts': String(happening.at),
    },
    prefix: SERVER_PREFIX,
    command: 'USERNOTICE',
    params: [`#${happening.channel.login}`],
    trailing: notice.message?.text,
  });
}

function senderTags(user: SimUser, channel: SimChannel | undefined): Record<string, string> {
  const standing = standingIn(channel, user);
  return { ...chatterTags(user, standing), login: user.login, vip: flag(standing.isVip) };
}

/** What tells one gift from another, for the ids of its lines. */
function giftIdentity(gift: GiftHappening): string[] {
  return [
    gift.kind,
    gift.channel.id,
    gift.gifter?.id ?? 'anonymous',
    gift.communityGiftId ?? '',
    String(gift.at),
  ];
}

function subPlanName(broadcaster: SimUser): string {
  return `Channel Subscription (${broadcaster.login})`;
}
