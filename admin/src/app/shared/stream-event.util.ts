import {
  type PollChoice,
  type StreamEvent,
  type StreamEventType,
  type SubPlan,
  type UserRef,
} from '@integron/contracts';

import { formatCount } from '../core/page-format.util';

export function streamEventTypeLabel(type: StreamEventType): string {
  switch (type) {
    case 'follow':
      return 'Follow';
    case 'sub':
      return 'Sub';
    case 'resub':
      return 'Resub';
    case 'gift':
      return 'Gift';
    case 'cheer':
      return 'Cheer';
    case 'raid':
      return 'Raid';
    case 'redemption':
      return 'Redemption';
    case 'hype_train.begin':
      return 'Hype train start';
    case 'hype_train.end':
      return 'Hype train end';
    case 'poll.begin':
      return 'Poll start';
    case 'poll.end':
      return 'Poll end';
    case 'prediction.begin':
      return 'Prediction start';
    case 'prediction.end':
      return 'Prediction end';
    case 'shoutout':
      return 'Shoutout';
  }
}

/** Material Symbols ligature for each type. */
export function streamEventTypeIcon(type: StreamEventType): string {
  switch (type) {
    case 'follow':
      return 'favorite';
    case 'sub':
      return 'star';
    case 'resub':
      return 'autorenew';
    case 'gift':
      return 'redeem';
    case 'cheer':
      return 'diamond';
    case 'raid':
      return 'groups';
    case 'redemption':
      return 'toll';
    case 'hype_train.begin':
    case 'hype_train.end':
      return 'train';
    case 'poll.begin':
    case 'poll.end':
      return 'ballot';
    case 'prediction.begin':
    case 'prediction.end':
      return 'casino';
    case 'shoutout':
      return 'campaign';
  }
}

/** `Tier 1`, `Tier 3`, `Prime`. */
export function subPlanLabel(plan: SubPlan): string {
  switch (plan) {
    case 'Prime':
      return 'Prime';
    case '1000':
      return 'Tier 1';
    case '2000':
      return 'Tier 2';
    case '3000':
      return 'Tier 3';
  }
}

/** `1 viewer`, `120 viewers`, `1,000 bits`. */
function counted(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

function name(user: UserRef): string {
  return user.displayName || user.login;
}

/** `: A whole year already!`, or nothing without a message. */
function saying(text: string | null | undefined): string {
  const trimmed = text?.trim();
  return trimmed ? `: ${trimmed}` : '';
}

function leadingChoice(choices: readonly PollChoice[]): PollChoice | null {
  return choices.reduce<PollChoice | null>(
    (best, choice) => (best === null || choice.votes > best.votes ? choice : best),
    null,
  );
}

/**
 * The event as one line people read, the way an alert says it: "PixelWolf gifted 5 Tier 1 subs",
 * "NightOwl resubscribed for 12 months: …", "Raid from X with 120 viewers".
 */
export function describeStreamEvent(event: StreamEvent): string {
  switch (event.type) {
    case 'follow':
      return `${name(event.user)} followed`;
    case 'sub':
      return event.plan === 'Prime'
        ? `${name(event.user)} subscribed with Prime`
        : `${name(event.user)} subscribed at ${subPlanLabel(event.plan)}`;
    case 'resub':
      return `${name(event.user)} resubscribed for ${counted(event.cumulativeMonths, 'month')}${saying(event.message?.text)}`;
    case 'gift': {
      const gifter = event.gifter ? name(event.gifter) : 'An anonymous gifter';
      const [recipient] = event.recipients;
      if (event.count === 1 && recipient) {
        return `${gifter} gifted a ${subPlanLabel(event.plan)} sub to ${name(recipient)}`;
      }
      return `${gifter} gifted ${counted(event.count, `${subPlanLabel(event.plan)} sub`)}`;
    }
    case 'cheer': {
      const cheerer = event.user ? name(event.user) : 'An anonymous cheerer';
      return `${cheerer} cheered ${counted(event.bits, 'bit')}${saying(event.message.text)}`;
    }
    case 'raid':
      return `Raid from ${name(event.from)} with ${counted(event.viewers, 'viewer')}`;
    case 'redemption':
      return `${name(event.user)} redeemed ${event.reward.title} (${counted(event.reward.cost, 'point')})${saying(event.userInput)}`;
    case 'hype_train.begin':
      return `Hype train started: level ${event.level}, ${formatCount(event.progress)} of ${formatCount(event.goal)}`;
    case 'hype_train.end':
      return `Hype train ended at level ${event.level} (${formatCount(event.total)} total)`;
    case 'poll.begin':
      return `Poll started: ${event.title}`;
    case 'poll.end': {
      const winner = event.status === 'completed' ? leadingChoice(event.choices) : null;
      return winner && winner.votes > 0
        ? `Poll ended: ${event.title} — ${winner.title} won with ${counted(winner.votes, 'vote')}`
        : `Poll ended: ${event.title}`;
    }
    case 'prediction.begin':
      return `Prediction started: ${event.title}`;
    case 'prediction.end': {
      if (event.status === 'canceled') {
        return `Prediction canceled: ${event.title}`;
      }
      const winner = event.outcomes.find((outcome) => outcome.id === event.winningOutcomeId);
      return winner
        ? `Prediction ended: ${event.title} — ${winner.title} won`
        : `Prediction ended: ${event.title}`;
    }
    case 'shoutout':
      return `Shoutout to ${name(event.to)} by ${name(event.moderator)}`;
  }
}

/** How many recipients a gift line names before "and N more". */
const RECIPIENTS_SHOWN = 5;

/** What a line leaves out and a reader may want: a gift's recipients, a poll's choices… */
export function streamEventDetail(event: StreamEvent): string | null {
  switch (event.type) {
    case 'gift': {
      if (event.recipients.length === 0 || (event.count === 1 && event.recipients.length === 1)) {
        return null;
      }
      const shown = event.recipients.slice(0, RECIPIENTS_SHOWN).map(name).join(', ');
      const more = event.recipients.length - RECIPIENTS_SHOWN;
      const total =
        event.gifterTotal === null ? '' : ` · ${counted(event.gifterTotal, 'gift')} in total`;
      return `To ${shown}${more > 0 ? ` and ${formatCount(more)} more` : ''}${total}`;
    }
    case 'poll.begin':
    case 'poll.end':
      return event.choices
        .map((choice) => `${choice.title} (${formatCount(choice.votes)})`)
        .join(' · ');
    case 'prediction.begin':
    case 'prediction.end':
      return event.outcomes
        .map(
          (outcome) =>
            `${outcome.title}: ${counted(outcome.users, 'person', 'people')}, ${formatCount(outcome.channelPoints)} points`,
        )
        .join(' · ');
    case 'hype_train.begin':
    case 'hype_train.end':
      return event.topContributors.length > 0
        ? `Top: ${event.topContributors.map((each) => `${name(each.user)} (${formatCount(each.total)})`).join(', ')}`
        : null;
    case 'shoutout':
      return `Shown to ${counted(event.viewerCount, 'viewer')}`;
    case 'follow':
    case 'sub':
    case 'resub':
    case 'cheer':
    case 'raid':
    case 'redemption':
      return null;
  }
}
