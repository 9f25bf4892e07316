export interface SubscriptionTypeSpec {
  version: string;
  /** Condition keys that must be present. */
  required: readonly string[];
  optional?: readonly string[];
  /** Condition keys of which exactly one must be present (channel.raid's direction). */
  exactlyOneOf?: readonly string[];
  /** Twitch charges 1 for types that need nobody's authorization, 0 for the others. */
  cost: 0 | 1;
  /** What the users named in the condition must have granted the subscribing app; all of it. */
  authorization: readonly ScopeRequirement[];
  /** What a user access token (WebSocket transport) must carry instead, where that differs. */
  userTokenAuthorization?: readonly ScopeRequirement[];
}

/** One scope (any of `anyOf`) that the user in condition key `from` must have granted the app. */
export interface ScopeRequirement {
  from: string;
  anyOf: readonly string[];
  /** Also met when the user in this condition key moderates the channel (or owns it). */
  orModerator?: string;
}

const BROADCASTER = ['broadcaster_user_id'];
const AS_MODERATOR = ['broadcaster_user_id', 'moderator_user_id'];
const AS_READER = ['broadcaster_user_id', 'user_id'];

const fromBroadcaster = (...anyOf: string[]): ScopeRequirement[] => [
  { from: 'broadcaster_user_id', anyOf },
];
const fromModerator = (...anyOf: string[]): ScopeRequirement[] => [
  { from: 'moderator_user_id', anyOf },
];
/**
 * Chat over EventSub with an app token (the only kind webhooks take): `user:read:chat` and
 * `user:bot` from the reading user, and `channel:bot` from the broadcaster unless the reader
 * moderates the channel.
 */
const AS_CHAT_BOT: ScopeRequirement[] = [
  { from: 'user_id', anyOf: ['user:read:chat'] },
  { from: 'user_id', anyOf: ['user:bot'] },
  { from: 'broadcaster_user_id', anyOf: ['channel:bot'], orModerator: 'user_id' },
];
/** Chat with the reading user's own token: `user:read:chat` is all it needs. */
const AS_CHAT_READER: ScopeRequirement[] = [{ from: 'user_id', anyOf: ['user:read:chat'] }];
const CHAT = {
  version: '1',
  required: AS_READER,
  cost: 0,
  authorization: AS_CHAT_BOT,
  userTokenAuthorization: AS_CHAT_READER,
} as const;

/**
 * The EventSub types the simulator delivers, at the version it delivers them in, with the
 * authorization Twitch's subscription-types reference lists for each.
 */
export const SUBSCRIPTION_TYPES = {
  'stream.online': { version: '1', required: BROADCASTER, cost: 1, authorization: [] },
  'stream.offline': { version: '1', required: BROADCASTER, cost: 1, authorization: [] },
  'channel.follow': {
    version: '2',
    required: AS_MODERATOR,
    cost: 0,
    authorization: fromModerator('moderator:read:followers'),
  },
  'channel.subscribe': {
    version: '1',
    required: BROADCASTER,
    cost: 0,
    authorization: fromBroadcaster('channel:read:subscriptions'),
  },
  'channel.subscription.message': {
    version: '1',
    required: BROADCASTER,
    cost: 0,
    authorization: fromBroadcaster('channel:read:subscriptions'),
  },
  'channel.subscription.gift': {
    version: '1',
    required: BROADCASTER,
    cost: 0,
    authorization: fromBroadcaster('channel:read:subscriptions'),
  },
  'channel.cheer': {
    version: '1',
    required: BROADCASTER,
    cost: 0,
    authorization: fromBroadcaster('bits:read'),
  },
  'channel.raid': {
    version: '1',
    required: [],
    exactlyOneOf: ['from_broadcaster_user_id', 'to_broadcaster_user_id'],
    cost: 1,
    authorization: [],
  },
  'channel.channel_points_custom_reward_redemption.add': {
    version: '1',
    required: BROADCASTER,
    optional: ['reward_id'],
    cost: 0,
    authorization: fromBroadcaster('channel:read:redemptions', 'channel:manage:redemptions'),
  },
  'channel.hype_train.begin': {
    version: '2',
    required: BROADCASTER,
    cost: 0,
    authorization: fromBroadcaster('channel:read:hype_train'),
  },
  'channel.hype_train.end': {
    version: '2',
    required: BROADCASTER,
    cost: 0,
    authorization: fromBroadcaster('channel:read:hype_train'),
  },
  'channel.poll.begin': {
    version: '1',
    required: BROADCASTER,
    cost: 0,
    authorization: fromBroadcaster('channel:read:polls', 'channel:manage:polls'),
  },
  'channel.poll.end': {
    version: '1',
    required: BROADCASTER,
    cost: 0,
    authorization: fromBroadcaster('channel:read:polls', 'channel:manage:polls'),
  },
  'channel.prediction.begin': {
    version: '1',
    required: BROADCASTER,
    cost: 0,
    authorization: fromBroadcaster('channel:read:predictions', 'channel:manage:predictions'),
  },
  'channel.prediction.end': {
    version: '1',
    required: BROADCASTER,
    cost: 0,
    authorization: fromBroadcaster('channel:read:predictions', 'channel:manage:predictions'),
  },
  'channel.shoutout.create': {
    version: '1',
    required: AS_MODERATOR,
    cost: 0,
    authorization: fromModerator('moderator:read:shoutouts', 'moderator:manage:shoutouts'),
  },
  'channel.ban': {
    version: '1',
    required: BROADCASTER,
    cost: 0,
    authorization: fromBroadcaster('channel:moderate'),
  },
  'channel.unban': {
    version: '1',
    required: BROADCASTER,
    cost: 0,
    authorization: fromBroadcaster('channel:moderate'),
  },
  'channel.chat.message': CHAT,
  'channel.chat.message_delete': CHAT,
  'channel.chat.clear_user_messages': CHAT,
  'channel.chat.clear': CHAT,
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

/** What the condition's users and the channel say about one user. */
export interface AuthorizationFacts {
  grantedScopes(userId: string): ReadonlySet<string>;
  /** Whether `userId` moderates, or owns, the channel of `broadcasterId`. */
  moderates(userId: string, broadcasterId: string): boolean;
}

/** Whether the users named in `condition` have granted what `spec` needs. */
export function isAuthorized(
  spec: SubscriptionTypeSpec,
  condition: Readonly<Record<string, string>>,
  facts: AuthorizationFacts,
): boolean {
  return spec.authorization.every((requirement) => {
    const userId = condition[requirement.from] ?? '';
    const granted = facts.grantedScopes(userId);
    if (requirement.anyOf.some((scope) => granted.has(scope))) return true;
    const moderatorId = requirement.orModerator && condition[requirement.orModerator];
    return !!moderatorId && facts.moderates(moderatorId, condition.broadcaster_user_id ?? '');
  });
}

/** The user access token a WebSocket subscription is created with. */
export interface UserToken {
  userId: string;
  scopes: readonly string[];
}

/**
 * Whether a user access token may subscribe to `spec`: Twitch checks the token itself, so every
 * user the type needs a scope from must be the token's user, and the token must carry the scope.
 */
export function isAuthorizedByUserToken(
  spec: SubscriptionTypeSpec,
  condition: Readonly<Record<string, string>>,
  token: UserToken,
): boolean {
  const requirements = spec.userTokenAuthorization ?? spec.authorization;
  return requirements.every(
    (requirement) =>
      condition[requirement.from] === token.userId &&
      requirement.anyOf.some((scope) => token.scopes.includes(scope)),
  );
}

/** One scope of each kind any type asks for: a user granting them all may be subscribed to for anything. */
export function scopesForEveryType(): string[] {
  const types: readonly SubscriptionTypeSpec[] = Object.values(SUBSCRIPTION_TYPES);
  const scopes = types.flatMap((spec) => spec.authorization.map((r) => r.anyOf[0] ?? ''));
  return [...new Set(scopes)].filter((scope) => scope !== '').sort();
}
