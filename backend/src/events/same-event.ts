import { type StreamEvent } from '@integron/contracts';

/** How far apart chat and EventSub may tell the same event. */
export const SAME_EVENT_WINDOW_MS = 10 * 60_000;

export interface SameEventKey {
  /** Equal for the same real-world event, whichever source told it. */
  key: string;
  /** Further checks on an event of the same key from the other source. */
  isSame(other: StreamEvent): boolean;
}

const always = () => true;

/**
 * What identifies an event both chat and EventSub announce, neither sharing the other's ids:
 * who, what and how much. Only events of the other source within `SAME_EVENT_WINDOW_MS` are
 * compared, so two real gifts of the same size by one gifter, told by one source, stay two.
 */
export function sameEventKey(event: StreamEvent): SameEventKey | null {
  const channel = event.channel.id;
  switch (event.type) {
    case 'sub':
      return { key: `sub:${channel}:${event.user.id}`, isSame: always };
    case 'resub':
      return {
        key: `resub:${channel}:${event.user.id}:${event.cumulativeMonths}`,
        isSame: always,
      };
    case 'raid':
      return { key: `raid:${channel}:${event.from.id}`, isSame: always };
    case 'cheer':
      return {
        key: `cheer:${channel}:${event.user?.id ?? 'anonymous'}:${event.bits}`,
        isSame: (other) => other.type === 'cheer' && other.message.text === event.message.text,
      };
    case 'gift': {
      const recipients = new Set(event.recipients.map((user) => user.id));
      return {
        key: `gift:${channel}:${event.gifter?.id ?? 'anonymous'}:${event.plan}:${event.count}`,
        // Told apart by their recipients when both sources know some.
        isSame: (other) =>
          other.type === 'gift' &&
          (recipients.size === 0 ||
            other.recipients.length === 0 ||
            other.recipients.some((user) => recipients.has(user.id))),
      };
    }
    case 'follow':
    case 'redemption':
    case 'hype_train.begin':
    case 'hype_train.end':
    case 'poll.begin':
    case 'poll.end':
    case 'prediction.begin':
    case 'prediction.end':
    case 'shoutout':
      return null;
  }
}
