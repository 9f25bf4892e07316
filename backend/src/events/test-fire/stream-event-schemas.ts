import { type StreamEventType } from '@integron/contracts';
import { z } from 'zod';

const user = z.object({
  id: z.string().regex(/^\d{1,18}$/, 'a Twitch user id: digits'),
  login: z.string().regex(/^\w{1,25}$/, 'a Twitch login'),
  displayName: z.string().min(1).max(64),
});
const plan = z.enum(['Prime', '1000', '2000', '3000']);
const emotes = z
  .array(
    z.object({
      id: z.string().min(1),
      start: z.number().int().min(0),
      end: z.number().int().min(0),
    }),
  )
  .max(100);
const message = z.object({ text: z.string().max(500), emotes });
const count = z.number().int().min(1);
const isoTime = z.iso.datetime({ offset: true });

/**
 * The fields of each stream event type beyond the common ones (id, channel, time, source): what
 * a test panel payload must give, checked before anything is fired.
 */
export const STREAM_EVENT_FIELDS = {
  follow: z.object({ user }),
  sub: z.object({ user, plan }),
  resub: z.object({
    user,
    plan,
    cumulativeMonths: count,
    streakMonths: count.nullable(),
    durationMonths: count,
    message: message.nullable(),
  }),
  gift: z.object({
    gifter: user.nullable(),
    plan,
    count: count.max(1_000),
    recipients: z.array(user).max(1_000),
    gifterTotal: count.nullable(),
  }),
  cheer: z.object({ user: user.nullable(), bits: count.max(1_000_000), message }),
  raid: z.object({ from: user, viewers: z.number().int().min(0) }),
  redemption: z.object({
    redemptionId: z.string().min(1),
    user,
    reward: z.object({
      id: z.string().min(1),
      title: z.string().min(1).max(45),
      cost: z.number().int().min(1),
      prompt: z.string().max(200),
    }),
    userInput: z.string().max(500),
    status: z.enum(['unfulfilled', 'fulfilled', 'canceled', 'unknown']),
  }),
  'hype_train.begin': hypeTrain(),
  'hype_train.end': hypeTrain(),
  'poll.begin': poll(),
  'poll.end': poll(),
  'prediction.begin': prediction(),
  'prediction.end': prediction(),
  shoutout: z.object({ to: user, moderator: user, viewerCount: z.number().int().min(0) }),
} satisfies Record<StreamEventType, z.ZodObject>;

function hypeTrain() {
  return z.object({
    trainId: z.string().min(1),
    level: count,
    total: z.number().int().min(0),
    progress: z.number().int().min(0),
    goal: z.number().int().min(0),
    topContributors: z
      .array(z.object({ user, type: z.enum(['bits', 'subscription', 'other']), total: count }))
      .max(10),
  });
}

function poll() {
  return z.object({
    pollId: z.string().min(1),
    title: z.string().min(1).max(60),
    choices: z
      .array(
        z.object({
          id: z.string().min(1),
          title: z.string().min(1).max(25),
          votes: z.number().int().min(0),
        }),
      )
      .min(2)
      .max(5),
    endsAt: isoTime,
    status: z.enum(['active', 'completed', 'archived', 'terminated']),
  });
}

function prediction() {
  return z.object({
    predictionId: z.string().min(1),
    title: z.string().min(1).max(45),
    outcomes: z
      .array(
        z.object({
          id: z.string().min(1),
          title: z.string().min(1).max(25),
          color: z.enum(['blue', 'pink']),
          users: z.number().int().min(0),
          channelPoints: z.number().int().min(0),
        }),
      )
      .min(2)
      .max(10),
    locksAt: isoTime,
    winningOutcomeId: z.string().nullable(),
    status: z.enum(['active', 'resolved', 'canceled']),
  });
}
