import { Capability } from './capabilities.js';
import { type IrcConnection } from './irc-connection.js';
import { membershipLine } from './server-lines.js';

const NOBODY: ReadonlySet<IrcConnection> = new Set();

/** Who is in which channel, and telling the others (with `twitch.tv/membership`) who came and went. */
export class ChatRooms {
  private readonly rooms = new Map<string, Set<IrcConnection>>();

  members(channel: string): ReadonlySet<IrcConnection> {
    return this.rooms.get(channel) ?? NOBODY;
  }

  join(connection: IrcConnection, channel: string): void {
    if (connection.channels.has(channel)) return;
    const room = this.rooms.get(channel) ?? new Set();
    room.add(connection);
    this.rooms.set(channel, room);
    connection.channels.add(channel);
    this.announce(connection, 'JOIN', channel);
  }

  part(connection: IrcConnection, channel: string): void {
    const room = this.rooms.get(channel);
    if (!room?.delete(connection)) return;
    if (room.size === 0) this.rooms.delete(channel);
    connection.channels.delete(channel);
    this.announce(connection, 'PART', channel);
  }

  leaveAll(connection: IrcConnection): void {
    for (const channel of [...connection.channels]) this.part(connection, channel);
  }

  /** Anonymous readers come and go unannounced. */
  private announce(connection: IrcConnection, command: 'JOIN' | 'PART', channel: string): void {
    const identity = connection.identity;
    if (identity?.kind !== 'user') return;
    const line = membershipLine(identity.nick, command, channel);
    for (const member of this.members(channel)) {
      if (member !== connection && (member.capabilities & Capability.membership) !== 0) {
        member.send([line]);
      }
    }
  }
}
