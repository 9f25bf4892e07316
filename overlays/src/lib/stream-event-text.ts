import {
  type AttachedMessage,
  type StreamEvent,
  type SubPlan,
  type UserRef,
} from '@integron/contracts';

/** A piece of an event's headline; names and amounts get their own class for styling. */
export interface HeadlinePart {
  text: string;
  role: 'name' | 'amount' | null;
}

/** What the feed and the alerts say of a stream event. */
export interface EventText {
  headline: HeadlinePart[];
  /** What the user wrote with it (a resub's or a cheer's message, a redemption's input). */
  message: AttachedMessage | null;
}

/** Headlines as parts: `name(user)`, `amount('5 subs')`, plain strings. */
const name = (user: UserRef | null, anonymous = 'An anonymous gifter'): HeadlinePart => ({
  text: user?.displayName ?? anonymous,
  role: 'name',
});
const amount = (text: string): HeadlinePart => ({ text, role: 'amount' });
const plain = (text: string): HeadlinePart => ({ text, role: null });
const count = (value: number, one: string, many = `${one}s`) =>
  `${value.toLocaleString('en-US')} ${value === 1 ? one : many}`;

export function describeStreamEvent(event: StreamEvent): EventText {
  const only = (...headline: HeadlinePart[]): EventText => ({ headline, message: null });
  switch (event.type) {
    case 'follow':
      return only(name(event.user), plain(' followed'));
    case 'sub':
      return only(name(event.user), plain(` subscribed${planText(event.plan)}`));
    case 'resub':
      return {
        headline: [
          name(event.user),
          plain(' resubscribed for '),
          amount(count(event.cumulativeMonths, 'month')),
        ],
        message: event.message,
      };
    case 'gift':
      return only(...giftHeadline(event.gifter, event.count, event.plan, event.recipients));
    case 'cheer':
      return {
        headline: [
          name(event.user, 'Anonymous'),
          plain(' cheered '),
          amount(count(event.bits, 'bit')),
        ],
        message: event.message,
      };
    case 'raid':
      return only(name(event.from), plain(' raided with '), amount(count(event.viewers, 'viewer')));
    case 'redemption':
      return {
        headline: [name(event.user), plain(' redeemed '), amount(event.reward.title)],
        message: event.userInput === '' ? null : { text: event.userInput, emotes: [] },
      };
    case 'hype_train.begin':
      return only(plain('A hype train started: level '), amount(String(event.level)));
    case 'hype_train.end':
      return only(plain('The hype train ended at level '), amount(String(event.level)));
    case 'poll.begin':
      return only(plain('Poll: '), amount(event.title));
    case 'poll.end': {
      const winner = [...event.choices].sort((a, b) => b.votes - a.votes)[0];
      return winner && event.status === 'completed'
        ? only(plain(`Poll "${event.title}": `), amount(winner.title), plain(' won'))
        : only(plain('Poll ended: '), amount(event.title));
    }
    case 'prediction.begin':
      return only(plain('Prediction: '), amount(event.title));
    case 'prediction.end': {
      const winner = event.outcomes.find((outcome) => outcome.id === event.winningOutcomeId);
      if (winner)
        return only(plain(`Prediction "${event.title}": `), amount(winner.title), plain(' won'));
      return only(
        plain(event.status === 'canceled' ? 'Prediction canceled: ' : 'Prediction ended: '),
        amount(event.title),
      );
    }
    case 'shoutout':
      return only(name(event.moderator), plain(' shouted out '), name(event.to));
  }
}

/** "X gifted 5 subs" for a gift bomb, "X gifted a sub to Y" for one gift. */
function giftHeadline(
  gifter: UserRef | null,
  gifts: number,
  plan: SubPlan,
  recipients: UserRef[],
): HeadlinePart[] {
  const tier = plan === '2000' || plan === '3000' ? `Tier ${plan[0]} ` : '';
  const [recipient] = recipients;
  if (gifts === 1 && recipient)
    return [name(gifter), plain(` gifted a ${tier}sub to `), name(recipient)];
  return [name(gifter), plain(' gifted '), amount(count(gifts, `${tier}sub`))];
}

function planText(plan: SubPlan): string {
  switch (plan) {
    case 'Prime':
      return ' with Prime';
    case '1000':
      return '';
    case '2000':
    case '3000':
      return ` at Tier ${plan[0]}`;
  }
}

/** The headline as one string (for `title`s and tests). */
export function headlineText(text: EventText): string {
  return text.headline.map((part) => part.text).join('');
}

/** The headline as nodes: names in `.<prefix>-name`, amounts in `.<prefix>-amount`, as text. */
export function headlineNodes(text: EventText, prefix: string): Node[] {
  return text.headline.map((part) => {
    if (part.role === null) return document.createTextNode(part.text);
    const span = document.createElement('span');
    span.className = `${prefix}-${part.role}`;
    span.textContent = part.text;
    return span;
  });
}
