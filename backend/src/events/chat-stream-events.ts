import {
  type ChatMessageEvent,
  type ChatNoticeEvent,
  type CheerEvent,
  type ResubEvent,
  type RaidEvent,
  type SubEvent,
} from '@integron/contracts';
import { type GiftPiece } from './gift-assembly.js';

/** What a chat line says about the stream: a sub, a resub, a raid, a cheer, or a part of a gift. */
export type ChatStreamEvent = SubEvent | ResubEvent | RaidEvent | CheerEvent | GiftPiece;

/**
 * The stream events chat announces, for channels without EventSub (and, deduplicated, beside
 * it): USERNOTICE subs, resubs, gifts and raids, and PRIVMSGs that carry bits.
 */
export function streamEventFromChat(
  event: ChatNoticeEvent | ChatMessageEvent,
): ChatStreamEvent | null {
  const base = {
    eventId: event.eventId,
    channel: event.channel,
    occurredAt: event.occurredAt,
    source: event.source,
  };
  if (event.type === 'chat.message') {
    if (event.bits <= 0) return null;
    return {
      ...base,
      type: 'cheer',
      user: event.user,
      bits: event.bits,
      message: { text: event.text, emotes: event.emotes },
    };
  }
  const { detail, user } = event;
  switch (detail.kind) {
    case 'sub':
    case 'resub':
      if (!user) return null;
      // A renewal Twitch announces as `sub` still says how many months it has been.
      if (detail.kind === 'sub' && detail.cumulativeMonths <= 1)
        return { ...base, type: 'sub', user, plan: detail.plan };
      return {
        ...base,
        type: 'resub',
        user,
        plan: detail.plan,
        cumulativeMonths: detail.cumulativeMonths,
        streakMonths: detail.streakMonths,
        durationMonths: detail.durationMonths,
        message: event.text === '' ? null : { text: event.text, emotes: event.emotes },
      };
    case 'subgift':
      return {
        ...base,
        part: 'recipient',
        gifter: user,
        recipient: detail.recipient,
        plan: detail.plan,
        communityGiftId: detail.communityGiftId,
      };
    case 'submysterygift':
      return {
        ...base,
        part: 'header',
        gifter: user,
        count: detail.count,
        plan: detail.plan,
        communityGiftId: detail.communityGiftId,
        gifterTotal: detail.senderTotal,
      };
    case 'raid':
      if (!user) return null;
      return { ...base, type: 'raid', from: user, viewers: detail.viewers };
    case 'announcement':
    case 'other':
      return null;
  }
}
