import { type Happening, type HappeningFactory, type SimUser } from '@integron/simulator';

/**
 * One of each kind EventSub tells, on `channel`'s broadcaster, for the transports' tests alike:
 * the poll and the timeout are returned apart, for the assertions that need their ids.
 */
export function eventSubHappenings(
  events: HappeningFactory,
  channel: SimUser,
  raider: SimUser,
  chatter: (index: number) => SimUser,
): {
  all: Happening[];
  poll: ReturnType<HappeningFactory['pollBegin']>;
  timeout: ReturnType<HappeningFactory['timeout']>;
} {
  const poll = events.pollBegin(channel, 'Next game?', ['Chess', 'Go']);
  const timeout = events.timeout(channel, chatter(5), chatter(6), 600, 'spam');
  const all = [
    events.follow(channel, chatter(0)),
    events.subscription(channel, chatter(1), {
      cumulativeMonths: 7,
      message: { text: 'seven!' },
    }),
    events.gift(channel, chatter(2), [chatter(3), chatter(4)]),
    events.chatMessage(channel, chatter(2), 'Cheer100 nice', { bits: 100 }),
    events.raid(channel, raider, 42),
    events.redemption(
      channel,
      chatter(3),
      { id: 'reward-1', title: 'Hydrate', cost: 100, prompt: 'Drink' },
      'now',
    ),
    poll,
    events.streamOnline(channel),
    timeout,
    events.ban(channel, chatter(8), chatter(6)),
    events.clearChat(channel, chatter(6)),
  ];
  return { all, poll, timeout };
}
