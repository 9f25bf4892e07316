import { chatBanOf } from '../twitch/chatter-standing.js';
import { type ChatMessageHappening } from '../twitch/happenings.js';
import { type RoomState, type TwitchWorld } from '../world/twitch-world.js';
import { requestedCapabilities } from './capabilities.js';
import { type ChatRooms } from './chat-rooms.js';
import { clientChatMessage } from './client-message.js';
import { type IrcConnection } from './irc-connection.js';
import { type IrcMessage, parseIrcMessage } from './irc-message.js';
import { renderIrc } from './irc-render.js';
import { logIn } from './login.js';
import { type RecentMessages } from './recent-messages.js';
import {
  capabilityAnswerLine,
  capabilityListLine,
  globalUserStateLine,
  joinedLines,
  membershipLine,
  noticeLine,
  pongLine,
  roomStateLine,
  unknownCommandLine,
  userStateLine,
  welcomeLines,
} from './server-lines.js';

export interface ClientCommandsContext {
  world: TwitchWorld;
  rooms: ChatRooms;
  recentMessages: RecentMessages;
  /** Sends `lines` to everyone in `channel` but `sender`. */
  broadcast(channel: string, lines: readonly string[], sender: IrcConnection): void;
  onClientMessage?: (message: ChatMessageHappening) => void;
}

/** The settings of a user's chat that has never been configured. */
const DEFAULT_ROOM_STATE: RoomState = {
  emoteOnly: false,
  followersOnly: -1,
  r9k: false,
  slow: 0,
  subsOnly: false,
};

/** What Twitch's chat server does with each line a client sends. */
export class ClientCommands {
  constructor(private readonly context: ClientCommandsContext) {}

  handle(connection: IrcConnection, line: string): void {
    const message = parseIrcMessage(line);
    const command = message.command.toUpperCase();
    switch (command) {
      case 'CAP':
        return this.capabilities(connection, message);
      case 'PASS':
        connection.password = firstParam(message);
        return;
      case 'NICK':
        return this.register(connection, firstParam(message).toLowerCase());
      case 'USER':
      case 'PONG':
        return;
      case 'PING':
        return connection.send([pongLine(message.trailing ?? message.params[0])]);
      case 'QUIT':
        return connection.close();
      default:
        if (connection.nick === null) return;
        return this.afterLogin(connection, connection.nick, command, message);
    }
  }

  private afterLogin(
    connection: IrcConnection,
    nick: string,
    command: string,
    message: IrcMessage,
  ): void {
    switch (command) {
      case 'JOIN':
        for (const channel of channelList(message)) this.join(connection, nick, channel);
        return;
      case 'PART':
        for (const channel of channelList(message)) this.part(connection, nick, channel);
        return;
      case 'PRIVMSG':
        return this.privmsg(connection, message);
      default:
        return connection.send([unknownCommandLine(nick, command)]);
    }
  }

  private capabilities(connection: IrcConnection, message: IrcMessage): void {
    const [subcommand = ''] = message.params;
    switch (subcommand.toUpperCase()) {
      case 'LS':
        return connection.send([capabilityListLine()]);
      case 'REQ': {
        const request = message.trailing ?? message.params.slice(1).join(' ');
        const requested = requestedCapabilities(request);
        if (requested !== null) connection.capabilities |= requested;
        return connection.send([capabilityAnswerLine(request, requested !== null)]);
      }
      default:
        return;
    }
  }

  private register(connection: IrcConnection, nick: string): void {
    if (connection.identity !== null) return;
    const result = logIn(this.context.world, nick, connection.password);
    if (!result.ok) {
      // Sent whatever the client negotiated, and the connection ends.
      connection.sendText(`${noticeLine('*', null, result.notice)}\r\n`);
      return connection.close();
    }
    connection.identity = result.identity;
    connection.send(welcomeLines(nick));
    if (result.identity.kind === 'user') {
      connection.send([globalUserStateLine(result.identity.user)]);
    }
  }

  private join(connection: IrcConnection, nick: string, channel: string): void {
    const { world, rooms } = this.context;
    const broadcaster = world.userByLogin(channel);
    if (!broadcaster) return connection.send([channelMissingLine(channel)]);
    const state = world.channels.get(broadcaster.id);
    if (
      connection.identity?.kind === 'user' &&
      chatBanOf(state, connection.identity.user.id, world.clock.now())?.kind === 'banned'
    ) {
      // twurple fails the join on this notice (PROTOCOL C2).
      return connection.send([bannedLine(channel)]);
    }
    rooms.join(connection, channel);
    const lines = joinedLines(nick, channel);
    if (connection.identity?.kind === 'user') {
      lines.push(userStateLine(connection.identity.user, state, channel));
    }
    lines.push(roomStateLine(broadcaster, state?.roomState ?? DEFAULT_ROOM_STATE));
    connection.send(lines);
  }

  private part(connection: IrcConnection, nick: string, channel: string): void {
    if (!connection.channels.has(channel)) return;
    this.context.rooms.part(connection, channel);
    connection.send([membershipLine(nick, 'PART', channel)]);
  }

  private privmsg(connection: IrcConnection, message: IrcMessage): void {
    const { world, recentMessages } = this.context;
    const channel = channelName(firstParam(message));
    const identity = connection.identity;
    if (identity?.kind !== 'user' || !identity.scopes.includes('chat:edit')) {
      return connection.send([
        noticeLine(
          `#${channel}`,
          'no_permission',
          "You don't have permission to perform that action.",
        ),
      ]);
    }
    const broadcaster = world.userByLogin(channel);
    if (!broadcaster) return connection.send([channelMissingLine(channel)]);
    const ban = chatBanOf(world.channels.get(broadcaster.id), identity.user.id, world.clock.now());
    if (ban?.kind === 'banned') return connection.send([bannedLine(channel)]);
    if (ban?.kind === 'timed-out') {
      return connection.send([
        noticeLine(
          `#${channel}`,
          'msg_timedout',
          `You are timed out for ${ban.remainingSeconds} more seconds.`,
        ),
      ]);
    }
    const parentId = message.tags['reply-parent-msg-id'];
    const parent = parentId === undefined ? undefined : recentMessages.find(parentId);
    const chatMessage = clientChatMessage({
      channel: broadcaster,
      user: identity.user,
      rawText: message.trailing ?? message.params[1] ?? '',
      parent: parent?.channel.id === broadcaster.id ? parent : undefined,
      at: world.clock.now(),
    });
    recentMessages.remember(chatMessage);
    this.context.broadcast(channel, renderIrc(chatMessage, world).lines, connection);
    const state = world.channels.get(broadcaster.id);
    connection.send([userStateLine(identity.user, state, channel, chatMessage.id)]);
    this.context.onClientMessage?.(chatMessage);
  }
}

/** A channel as `#Login`, `login` or `#login`, as its login. */
export function channelName(name: string): string {
  return (name.startsWith('#') ? name.slice(1) : name).toLowerCase();
}

function channelList(message: IrcMessage): string[] {
  return firstParam(message)
    .split(',')
    .map(channelName)
    .filter((channel) => channel !== '');
}

function firstParam(message: IrcMessage): string {
  return message.params[0] ?? message.trailing ?? '';
}

/** Refuses both the JOIN and every PRIVMSG of a permanently banned user (PROTOCOL C2, C8). */
function bannedLine(channel: string): string {
  return noticeLine(
    `#${channel}`,
    'msg_banned',
    `You are permanently banned from talking in ${channel}.`,
  );
}

function channelMissingLine(channel: string): string {
  return noticeLine(
    `#${channel}`,
    'msg_channel_suspended',
    'This channel does not exist or has been suspended.',
  );
}
