interface SubscriptionTypeSpec {
  version: string;
  /** Condition keys that must be present. */
  required: readonly string[];
  optional?: readonly string[];
  /** Condition keys of which exactly one must be present (channel.raid's direction). */
  exactlyOneOf?: readonly string[];
  /** Twitch charges 1 for types that need nobody's authorization, 0 for the others. */
  cost: 0 | 1;
}

const BROADCASTER = ['broadcaster_user_id'];
const AS_MODERATOR = ['broadcaster_user_id', 'moderator_user_id'];
const AS_READER = ['broadcaster_user_id', 'user_id'];

/** The EventSub types the simulator delivers, at the version it delivers them in. */
export const SUBSCRIPTION_TYPES = {
  'stream.online': { version: '1', required: BROADCASTER, cost: 1 },
  'stream.offline': { version: '1', required: BROADCASTER, cost: 1 },
  'channel.follow': { version: '2', required: AS_MODERATOR, cost: 0 },
  'channel.subscribe': { version: '1', required: BROADCASTER, cost: 0 },
  'channel.subscription.message': { version: '1', required: BROADCASTER, cost: 0 },
  'channel.subscription.gift': { version: '1', required: BROADCASTER, cost: 0 },
  'channel.cheer': { version: '1', required: BROADCASTER, cost: 0 },
  'channel.raid': {
    version: '1',
    required: [],
    exactlyOneOf: ['from_broadcaster_user_id', 'to_broadcaster_user_id'],
    cost: 1,
  },
  'channel.channel_points_custom_reward_redemption.add': {
    version: '1',
    required: BROADCASTER,
    optional: ['reward_id'],
    cost: 0,
  },
  'channel.hype_train.begin': { version: '2', required: BROADCASTER, cost: 0 },
  'channel.hype_train.end': { version: '2', required: BROADCASTER, cost: 0 },
  'channel.poll.begin': { version: '1', required: BROADCASTER, cost: 0 },
  'channel.poll.end': { version: '1', required: BROADCASTER, cost: 0 },
  'channel.prediction.begin': { version: '1', required: BROADCASTER, cost: 0 },
  'channel.prediction.end': { version: '1', required: BROADCASTER, cost: 0 },
  'channel.shoutout.create': { version: '1', required: AS_MODERATOR, cost: 0 },
  'channel.ban': { version: '1', required: BROADCASTER, cost: 0 },
  'channel.unban': { version: '1', required: BROADCASTER, cost: 0 },
  'channel.chat.message': { version: '1', required: AS_READER, cost: 0 },
  'channel.chat.message_delete': { version: '1', required: AS_READER, cost: 0 },
  'channel.chat.clear_user_messages': { version: '1', required: AS_READER, cost: 0 },
  'channel.chat.clear': { version: '1', required: AS_READER, cost: 0 },
} as const satisfies Record<string, SubscriptionTypeSpec>;

export type EventSubType = keyof typeof SUBSCRIPTION_TYPES;

export function subscriptionTypeSpec(type: string): SubscriptionTypeSpec | undefined {
  return Object.hasOwn(SUBSCRIPTION_TYPES, type)
    ? SUBSCRIPTION_TYPES[type as EventSubType]
    : undefined;
}

/** Why a condition does not fit its type, or `undefined` when it does. */
export function conditionProblem(
  spec: SubscriptionTypeSpec,
  condition: Readonly<Record<string, string>>,
): string | undefined {
  const allowed = new Set([
    ...spec.required,
    ...(spec.optional ?? []),
    ...(spec.exactlyOneOf ?? []),
  ]);
  const present = Object.keys(condition).filter((key) => condition[key] !== '');
  const unknown = present.find((key) => !allowed.has(key));
  if (unknown) return `unknown condition key ${unknown}`;
  const missing = spec.required.find((key) => !present.includes(key));
  if (missing) return `missing condition ${missing}`;
  if (spec.exactlyOneOf) {
    const chosen = spec.exactlyOneOf.filter((key) => present.includes(key));
    if (chosen.length !== 1)
      return `condition needs exactly one of ${spec.exactlyOneOf.join(', ')}`;
  }
  return undefined;
}
