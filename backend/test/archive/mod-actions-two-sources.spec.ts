import {
  type ChatMessageDeletedEvent,
  type ChatUserBannedEvent,
  type ChatUserTimedOutEvent,
} from '@integron/contracts';
import { type SimUser } from '@integron/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../src/bus/event-bus.js';
import { ArchiveApp } from '../utils/archive-app.js';

interface ModActionRow {
  type: string;
  source: string;
  moderator_login: string | null;
  reason: string | null;
  raw: string | null;
  target_login: string | null;
}

/** The same moderation action told by chat (over real IRC) and by EventSub is one record. */
describe('mod actions told by chat and by EventSub', () => {
  let archive: ArchiveApp;

  beforeAll(async () => {
    archive = await ArchiveApp.start();
  });

  afterAll(async () => {
    await archive.close();
  });

  const ref = (user: SimUser) => ({
    id: user.id,
    login: user.login,
    displayName: user.displayName,
  });
  const channel = () => archive.channels[0]!.broadcaster;
  const moderator = () => archive.chatters[1]!;
  const actionsAgainst = async (target: SimUser) =>
    (
      await archive.db.query<ModActionRow>(
        `SELECT type, source, moderator_login, reason, raw, target_login FROM mod_actions
          WHERE target_login = $1 OR message_id IN (SELECT twitch_message_id FROM messages WHERE login = $1)
          ORDER BY id`,
        [target.login],
      )
    ).rows;
  const fromEventSub = <
    E extends ChatUserBannedEvent | ChatUserTimedOutEvent | ChatMessageDeletedEvent,
  >(
    event: Omit<E, 'eventId' | 'channel' | 'occurredAt' | 'source' | 'rawIrc'>,
  ) =>
    archive.sut.app.get(EventBus).publish({
      eventId: `eventsub:test-${Math.random()}`,
      channel: ref(channel()),
      occurredAt: new Date().toISOString(),
      source: 'eventsub',
      rawIrc: null,
      ...event,
    } as E);

  it('fills in the moderator of a ban chat told first', async () => {
    const target = archive.chatters[40]!;
    await archive.happen(archive.events.ban(channel(), target, moderator(), 'spam'));

    fromEventSub<ChatUserBannedEvent>({
      type: 'chat.user_banned',
      user: ref(target),
      moderator: ref(moderator()),
      reason: 'spam',
    });
    await archive.flushed();

    expect(await actionsAgainst(target)).toMatchObject([
      { type: 'ban', source: 'irc', moderator_login: moderator().login, reason: 'spam' },
    ]);
    expect((await actionsAgainst(target))[0]!.raw).toContain('CLEARCHAT');
  });

  it('keeps the IRC line of a timeout EventSub told first', async () => {
    const target = archive.chatters[41]!;
    fromEventSub<ChatUserTimedOutEvent>({
      type: 'chat.user_timed_out',
      user: ref(target),
      durationSeconds: 600,
      moderator: ref(moderator()),
      reason: null,
    });
    await archive.flushed();

    await archive.happen(archive.events.timeout(channel(), target, moderator(), 600));

    const actions = await actionsAgainst(target);
    expect(actions).toMatchObject([
      { type: 'timeout', source: 'eventsub', moderator_login: moderator().login },
    ]);
    expect(actions[0]!.raw).toContain('CLEARCHAT');
  });

  it('makes one record when both tellings land in the same batch', async () => {
    const target = archive.chatters[44]!;
    fromEventSub<ChatUserBannedEvent>({
      type: 'chat.user_banned',
      user: ref(target),
      moderator: ref(moderator()),
      reason: null,
    });
    await archive.happen(archive.events.ban(channel(), target, moderator()));

    const actions = await actionsAgainst(target);
    expect(actions).toMatchObject([{ type: 'ban', moderator_login: moderator().login }]);
    expect(actions[0]!.raw).toContain('CLEARCHAT');
  });

  it('keeps two timeouts of one user told by the same source apart', async () => {
    const target = archive.chatters[42]!;
    await archive.happen(archive.events.timeout(channel(), target, moderator(), 60));
    await new Promise((later) => setTimeout(later, 5)); // Twitch stamps lines to the millisecond
    await archive.happen(archive.events.timeout(channel(), target, moderator(), 600));

    expect((await actionsAgainst(target)).map((action) => action.type)).toEqual([
      'timeout',
      'timeout',
    ]);
  });

  it('makes one deletion of a message both sources say was deleted', async () => {
    const author = archive.chatters[43]!;
    const sent = archive.events.chatMessage(channel(), author, 'delete me');
    await archive.happen(sent, archive.events.deleteMessage(sent, moderator()));

    fromEventSub<ChatMessageDeletedEvent>({
      type: 'chat.message_deleted',
      messageId: sent.id,
      user: ref(author),
      text: 'delete me',
      moderator: ref(moderator()),
    });
    await archive.flushed();

    expect(await actionsAgainst(author)).toMatchObject([
      { type: 'delete', source: 'irc', moderator_login: moderator().login },
    ]);
  });
});
