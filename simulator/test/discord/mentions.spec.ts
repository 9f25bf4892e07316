import { AllowedMentionsTypes, type APIRole, type APIUser } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { resolveMentions, type MentionRules } from '../../src/discord/messages/mentions.js';

const alice = { id: '101', username: 'alice' } as APIUser;
const bob = { id: '102', username: 'bob' } as APIUser;
const pings = { id: '201', mentionable: true } as APIRole;
const mods = { id: '202', mentionable: false } as APIRole;

const rules = (overrides: Partial<MentionRules> = {}): MentionRules => ({
  allowed: undefined,
  parsedByDefault: Object.values(AllowedMentionsTypes),
  mayMentionEveryone: true,
  users: new Map([alice, bob].map((user) => [user.id, user])),
  roles: new Map([pings, mods].map((role) => [role.id, role])),
  ...overrides,
});

const CONTENT = 'hey <@101> <@!102> <@999> <@101> <@&201> <@&202> @here';

describe(resolveMentions.name, () => {
  it('pings every known user and role once, and @here, when everything is parsed', () => {
    const sut = resolveMentions(CONTENT, rules());

    expect(sut.mentions.map((user) => user.id)).toEqual(['101', '102']);
    expect(sut.mention_roles).toEqual(['201', '202']);
    expect(sut.mention_everyone).toBe(true);
  });

  it('pings only listed ids when allowed_mentions has no parse', () => {
    const sut = resolveMentions(CONTENT, rules({ allowed: { users: ['102'], roles: ['202'] } }));

    expect(sut.mentions.map((user) => user.id)).toEqual(['102']);
    expect(sut.mention_roles).toEqual(['202']);
    expect(sut.mention_everyone).toBe(false);
  });

  it('pings nothing with parse: []', () => {
    const sut = resolveMentions(CONTENT, rules({ allowed: { parse: [] } }));

    expect(sut).toEqual({ mentions: [], mention_roles: [], mention_everyone: false });
  });

  it('needs MENTION_EVERYONE for @here and for roles that are not mentionable', () => {
    const sut = resolveMentions(CONTENT, rules({ mayMentionEveryone: false }));

    expect(sut.mention_roles).toEqual(['201']);
    expect(sut.mention_everyone).toBe(false);
  });
});
