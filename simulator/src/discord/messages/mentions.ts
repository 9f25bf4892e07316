import {
  AllowedMentionsTypes,
  type APIAllowedMentions,
  type APIMessage,
  type APIRole,
  type APIUser,
} from 'discord-api-types/v10';
import { publicUser } from '../users.js';
import { type FormErrors } from './form-errors.js';

const MAX_EXPLICIT_IDS = 100;
const PARSE_TYPES: readonly string[] = Object.values(AllowedMentionsTypes);
const EXPLICIT_LISTS = [
  [AllowedMentionsTypes.User, 'users'],
  [AllowedMentionsTypes.Role, 'roles'],
] as const;

const USER_MENTION = /<@!?(\d+)>/g;
const ROLE_MENTION = /<@&(\d+)>/g;
const EVERYONE_MENTION = /@(?:everyone|here)/;

/** Checks `allowed_mentions`: known `parse` types, ≤ 100 ids a list, and a type parsed or listed, not both. */
export function checkAllowedMentions(errors: FormErrors, value: unknown): void {
  const allowed = errors.object(['allowed_mentions'], value);
  if (!allowed) return;
  const parse = errors.list(['allowed_mentions', 'parse'], allowed.parse);
  parse.forEach((type, index) => {
    if (typeof type === 'string' && PARSE_TYPES.includes(type)) return;
    errors.add(
      ['allowed_mentions', 'parse', index],
      'BASE_TYPE_CHOICES',
      `Value must be one of (${[...PARSE_TYPES]
        .sort()
        .map((t) => `'${t}'`)
        .join(', ')}).`,
    );
  });
  for (const [type, list] of EXPLICIT_LISTS) {
    const ids = errors.list(['allowed_mentions', list], allowed[list], MAX_EXPLICIT_IDS);
    if (ids.length > 0 && parse.includes(type)) {
      errors.add(
        ['allowed_mentions'],
        'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        `parse:["${type}"] and ${list}: [ids...] are mutually exclusive.`,
      );
    }
  }
}

export interface MentionRules {
  allowed: APIAllowedMentions | null | undefined;
  /** What is parsed when `allowed_mentions` is absent: everything for bots, users for webhooks. */
  parsedByDefault: readonly AllowedMentionsTypes[];
  /** MENTION_EVERYONE: may ping @everyone, @here and roles that are not mentionable. */
  mayMentionEveryone: boolean;
  users: ReadonlyMap<string, APIUser>;
  /** The guild's roles. */
  roles: ReadonlyMap<string, APIRole>;
}

export type MessageMentions = Pick<APIMessage, 'mentions' | 'mention_roles' | 'mention_everyone'>;

/** Who a message pings: the mentions in its content that `allowed_mentions` and permissions let through. */
export function resolveMentions(content: string, rules: MentionRules): MessageMentions {
  const parse = rules.allowed ? (rules.allowed.parse ?? []) : rules.parsedByDefault;
  const permits =
    (type: AllowedMentionsTypes, listed: readonly string[] = []) =>
    (id: string) =>
      parse.includes(type) || listed.includes(id);
  const users = mentionedIds(content, USER_MENTION)
    .filter(permits(AllowedMentionsTypes.User, rules.allowed?.users))
    .flatMap((id) => rules.users.get(id) ?? [])
    .map(publicUser);
  const roles = mentionedIds(content, ROLE_MENTION)
    .filter(permits(AllowedMentionsTypes.Role, rules.allowed?.roles))
    .flatMap((id) => rules.roles.get(id) ?? [])
    .filter((role) => role.mentionable || rules.mayMentionEveryone);
  return {
    mentions: users,
    mention_roles: roles.map((role) => role.id),
    mention_everyone:
      EVERYONE_MENTION.test(content) &&
      parse.includes(AllowedMentionsTypes.Everyone) &&
      rules.mayMentionEveryone,
  };
}

function mentionedIds(content: string, pattern: RegExp): string[] {
  return [...new Set([...content.matchAll(pattern)].flatMap(([, id]) => id ?? []))];
}
