import { describe, expect, it } from 'vitest';
import { renderIrc } from '../../src/irc/irc-render.js';
import { type Happening } from '../../src/twitch/happenings.js';
import { ChatWorld } from './support/chat-world.js';

/** Renders, as the simulator does: the world first learns what happened, then IRC shows it. */
function render(chat: ChatWorld, happening: Happening): string[] {
  const rendered = renderIrc(chat.happen(happening), chat.world);
  expect(rendered.channel).toBe(happening.channel.login);
  return rendered.lines;
}

function golden(name: string): string {
  return `../golden/irc/${name}.irc`;
}

function asFile(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

describe(renderIrc.name, () => {
  it('renders chat messages as PRIVMSG with badges, colour, emotes, bits and replies', async () => {
    const chat = new ChatWorld();
    const { events, broadcaster: channel } = chat;
    const hello = events.chatMessage(channel, chat.viewer, 'hello chat Kappa', {
      emotes: [{ id: '25', start: 11, end: 15 }],
      firstMessage: true,
    });
    const lines = [
      hello,
      events.chatMessage(channel, channel, 'welcome everyone; grab a seat'),
      events.chatMessage(channel, chat.moderator, 'Cheer500 great run', { bits: 500 }),
      events.chatMessage(channel, chat.vip, 'waves at chat', { action: true }),
      events.chatMessage(channel, chat.primeViewer, '안녕하세요 😀 Kappa Kappa', {
        emotes: [
          { id: '25', start: 8, end: 12 },
          { id: '25', start: 14, end: 18 },
        ],
        returningChatter: true,
      }),
      events.chatMessage(channel, chat.turboViewer, 'hydrate!', {
        customRewardId: 'b3f2a8c6-1d1e-4a31-9a0e-7d1f7b2e0c11',
      }),
      events.reply(hello, chat.moderator, 'welcome in!'),
      events.chatMessage(channel, chat.viewer, ':) a leading colon and a literal \\s'),
    ].flatMap((message) => render(chat, message));

    await expect(asFile(lines)).toMatchFileSnapshot(golden('privmsg'));
  });

  it('renders a reply to a reply with the thread starter', () => {
    const chat = new ChatWorld();
    const { events, broadcaster: channel } = chat;
    const question = events.chatMessage(channel, chat.viewer, 'which game is next?');
    const answer = events.reply(question, chat.moderator, 'a speedrun');
    const followUp = events.reply(answer, chat.vip, 'which category?');

    const [line] = render(chat, followUp);

    expect(line).toContain(`reply-parent-msg-id=${answer.id};`);
    expect(line).toContain(`reply-thread-parent-msg-id=${question.id};`);
    expect(line).toContain('reply-thread-parent-user-login=lazy_otter;');
    expect(line).toMatch(/ :@Pixel_Wolf which category\?$/);
  });

  it('renders moderation as CLEARMSG and CLEARCHAT', async () => {
    const chat = new ChatWorld();
    const { events, broadcaster: channel } = chat;
    const spam = events.chatMessage(channel, chat.viewer, 'buy followers at example.com');
    const shout = events.chatMessage(channel, chat.vip, 'shouts LOUDLY', { action: true });
    const lines = [
      events.deleteMessage(spam, chat.moderator),
      events.timeout(channel, chat.viewer, chat.moderator, 600, 'spam'),
      events.ban(channel, chat.turboViewer, chat.moderator, 'hate speech'),
      events.clearChat(channel, chat.moderator),
      events.deleteMessage(shout, chat.moderator),
    ].flatMap((happening) => render(chat, happening));

    await expect(asFile(lines)).toMatchFileSnapshot(golden('moderation'));
  });

  it('renders subscriptions as sub and resub USERNOTICEs', async () => {
    const chat = new ChatWorld();
    const { events, broadcaster: channel } = chat;
    const lines = [
      events.subscription(channel, chat.viewer),
      events.subscription(channel, chat.primeViewer, { isPrime: true, cumulativeMonths: 1 }),
      events.subscription(channel, chat.vip, {
        tier: '2000',
        cumulativeMonths: 14,
        streakMonths: 3,
        message: { text: 'still here Kappa', emotes: [{ id: '25', start: 11, end: 15 }] },
      }),
      events.subscription(channel, chat.turboViewer, {
        isPrime: true,
        cumulativeMonths: 7,
        streakMonths: null,
      }),
    ].flatMap((happening) => render(chat, happening));

    await expect(asFile(lines)).toMatchFileSnapshot(golden('subscriptions'));
  });

  it('renders gifts: a single subgift, mystery gifts of three and of one, an anonymous one', async () => {
    const chat = new ChatWorld();
    const { events, broadcaster: channel } = chat;
    const lines = [
      events.gift(channel, chat.moderator, [chat.viewer]),
      events.gift(channel, chat.vip, [chat.primeViewer, chat.turboViewer, chat.bot], '2000'),
      events.gift(channel, null, [chat.viewer, chat.vip]),
      events.gift(channel, chat.moderator, [chat.turboViewer], '1000', { mystery: true }),
    ].flatMap((happening) => render(chat, happening));

    await expect(asFile(lines)).toMatchFileSnapshot(golden('gifts'));
  });

  it('renders raids and announcements', async () => {
    const chat = new ChatWorld();
    const { events, broadcaster: channel } = chat;
    const raider = chat.world.createUser({
      login: 'speedrunsally',
      displayName: 'SpeedrunSally',
      chatColor: '#DAA520',
    });
    const lines = [
      events.raid(channel, raider, 1234),
      events.announcement(channel, chat.moderator, 'Giveaway at the top of the hour!', 'PURPLE'),
      events.announcement(channel, channel, 'Stream starts in 5'),
    ].flatMap((happening) => render(chat, happening));

    await expect(asFile(lines)).toMatchFileSnapshot(golden('notices'));
  });

  it('shows nothing for what Twitch keeps out of IRC', () => {
    const chat = new ChatWorld();
    const { events, broadcaster: channel } = chat;
    const poll = events.pollBegin(channel, 'Next game?', ['Celeste', 'Hades']);
    const prediction = events.predictionBegin(channel, 'Will we PB?', ['Yes', 'No']);
    const train = events.hypeTrainBegin(channel, [{ user: chat.vip, type: 'bits', total: 500 }]);
    const invisible: Happening[] = [
      events.follow(channel, chat.viewer),
      events.unban(channel, chat.viewer, chat.moderator),
      events.redemption(channel, chat.viewer, {
        id: 'b3f2a8c6-1d1e-4a31-9a0e-7d1f7b2e0c11',
        title: 'Hydrate!',
        cost: 100,
        prompt: 'Make the streamer drink water',
      }),
      poll,
      events.pollEnd(poll, [3, 5]),
      prediction,
      events.predictionEnd(prediction, 0, [[{ user: chat.vip, points: 100 }], []]),
      train,
      events.hypeTrainEnd(train, 2, 2_500),
      events.shoutout(channel, chat.moderator, chat.turboViewer, 42),
      events.streamOnline(channel),
      events.streamOffline(channel),
    ];

    expect(invisible.map((happening) => render(chat, happening))).toEqual(invisible.map(() => []));
  });
});
