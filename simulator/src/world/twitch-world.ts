import { randomBytes } from 'node:crypto';
import { type Clock, systemClock } from './clock.js';
import { SeededRandom } from './random.js';

/** A Twitch account, with what Helix reports and what chat shows. */
export interface SimUser {
  id: string;
  login: string;
  displayName: string;
  type: '' | 'admin' | 'global_mod' | 'staff';
  broadcasterType: '' | 'affiliate' | 'partner';
  description: string;
  profileImageUrl: string;
  offlineImageUrl: string;
  email: string;
  /** ISO 8601. */
  createdAt: string;
  /** `#RRGGBB`, or `''` when the user never chose one. */
  chatColor: string;
  /** Turbo and Prime users may pick any hex colour; everyone else one of the named ones. */
  hasTurbo: boolean;
  hasPrime: boolean;
}

export type SubTier = '1000' | '2000' | '3000';

export interface SimSubscription {
  tier: SubTier;
  isPrime: boolean;
  cumulativeMonths: number;
  streakMonths: number;
  gifterId: string | null;
}

export interface RoomState {
  emoteOnly: boolean;
  /** Minutes a viewer must have followed; -1 when followers-only mode is off. */
  followersOnly: number;
  r9k: boolean;
  /** Seconds between messages; 0 when slow mode is off. */
  slow: number;
  subsOnly: boolean;
}

export interface SimStream {
  id: string;
  type: 'live';
  title: string;
  gameId: string;
  gameName: string;
  language: string;
  viewerCount: number;
  /** ISO 8601. */
  startedAt: string;
}

/** A broadcaster's channel and the chat-visible state around it. */
export interface SimChannel {
  broadcaster: SimUser;
  roomState: RoomState;
  moderators: Set<string>;
  vips: Set<string>;
  subscriptions: Map<string, SimSubscription>;
  /** Follower id → ISO 8601 follow time. */
  followers: Map<string, string>;
  /** Total bits cheered per user, for the bits badge. */
  bits: Map<string, number>;
  /** Banned user id → when the timeout ends (epoch ms), or `null` for a permanent ban. */
  bans: Map<string, number | null>;
  stream: SimStream | null;
}

export interface SimApp {
  clientId: string;
  clientSecret: string;
  name: string;
  redirectUris: string[];
  /**
   * A public client (Twitch's "Public" client type, e.g. a device-flow app that cannot keep a
   * secret) refreshes tokens without its secret; a confidential one must send it (PROTOCOL D4).
   */
  isPublic: boolean;
}

export interface SimAccessToken {
  token: string;
  clientId: string;
  /** `null` for app access tokens (client-credentials). */
  userId: string | null;
  scopes: string[];
  /** Epoch ms. */
  expiresAt: number;
  refreshToken: string | null;
}

export interface IssuedToken {
  accessToken: string;
  refreshToken: string | null;
  expiresIn: number;
  scopes: string[];
}

const USER_TOKEN_LIFETIME_S = 4 * 60 * 60;
const APP_TOKEN_LIFETIME_S = 60 * 24 * 60 * 60;

/** The simulated Twitch's memory: accounts, channels, applications and tokens. */
export class TwitchWorld {
  readonly users = new Map<string, SimUser>();
  readonly channels = new Map<string, SimChannel>();
  readonly apps = new Map<string, SimApp>();
  readonly tokens = new TokenStore(this);
  private readonly usersByLogin = new Map<string, SimUser>();
  private nextUserId = 100_001;

  constructor(
    readonly random: SeededRandom = new SeededRandom(1),
    readonly clock: Clock = systemClock,
  ) {}

  createUser(fields: Partial<SimUser> & Pick<SimUser, 'login'>): SimUser {
    if (this.usersByLogin.has(fields.login)) throw new Error(`User ${fields.login} already exists`);
    const id = fields.id ?? String(this.nextUserId++);
    const user: SimUser = {
      id,
      displayName: fields.login,
      type: '',
      broadcasterType: '',
      description: '',
      profileImageUrl: `https://static-cdn.jtvnw.net/jtv_user_pictures/${id}-profile_image-300x300.png`,
      offlineImageUrl: '',
      email: `${fields.login}@users.integron.invalid`,
      createdAt: new Date(Date.UTC(2016, 0, 1) + (Number(id) % 3000) * 86_400_000).toISOString(),
      chatColor: '',
      hasTurbo: false,
      hasPrime: false,
      ...fields,
    };
    this.users.set(user.id, user);
    this.usersByLogin.set(user.login, user);
    return user;
  }

  userByLogin(login: string): SimUser | undefined {
    return this.usersByLogin.get(login.toLowerCase());
  }

  /** What a Twitch rename does: same id, new login; the old login is free for someone else. */
  renameUser(userId: string, login: string, displayName = login): SimUser {
    const user = this.users.get(userId);
    if (!user) throw new Error(`No user ${userId}`);
    const next = login.toLowerCase();
    if (this.usersByLogin.has(next)) throw new Error(`User ${next} already exists`);
    this.usersByLogin.delete(user.login);
    Object.assign(user, { login: next, displayName });
    this.usersByLogin.set(next, user);
    return user;
  }

  /** The user, or a new ordinary one with that login. */
  ensureUser(login: string, displayName = login): SimUser {
    return this.userByLogin(login) ?? this.createUser({ login: login.toLowerCase(), displayName });
  }

  createChannel(broadcaster: SimUser): SimChannel {
    const channel: SimChannel = {
      broadcaster,
      roomState: { emoteOnly: false, followersOnly: -1, r9k: false, slow: 0, subsOnly: false },
      moderators: new Set(),
      vips: new Set(),
      subscriptions: new Map(),
      followers: new Map(),
      bits: new Map(),
      bans: new Map(),
      stream: null,
    };
    this.channels.set(broadcaster.id, channel);
    return channel;
  }

  channelByLogin(login: string): SimChannel | undefined {
    const user = this.userByLogin(login.replace(/^#/, ''));
    return user ? this.channels.get(user.id) : undefined;
  }

  registerApp(fields: Partial<SimApp> = {}): SimApp {
    const app: SimApp = {
      clientId: fields.clientId ?? this.random.hex(30).replace(/^./, 'a'),
      clientSecret: fields.clientSecret ?? this.random.hex(30).replace(/^./, 's'),
      name: fields.name ?? 'Integron',
      redirectUris: fields.redirectUris ?? [],
      isPublic: fields.isPublic ?? false,
    };
    this.apps.set(app.clientId, app);
    return app;
  }
}

/** Access and refresh tokens as id.twitch.tv hands them out. */
export class TokenStore {
  private readonly byAccess = new Map<string, SimAccessToken>();
  private readonly byRefresh = new Map<string, SimAccessToken>();
  /** `userId clientId` → every scope the user has granted the app. */
  private readonly grants = new Map<string, Set<string>>();

  constructor(private readonly world: TwitchWorld) {}

  /**
   * The scopes `userId` has authorized `clientId` for: every scope of every user token issued to
   * the app, kept when tokens expire or are refreshed, gone once the user disconnects the app.
   */
  grantedScopes(userId: string, clientId: string): ReadonlySet<string> {
    return this.grants.get(grantKey(userId, clientId)) ?? new Set();
  }

  issueUserToken(
    clientId: string,
    userId: string,
    scopes: readonly string[],
    lifetimeSeconds = USER_TOKEN_LIFETIME_S,
  ): IssuedToken {
    return this.issue(clientId, userId, [...scopes], lifetimeSeconds, true);
  }

  issueAppToken(clientId: string, lifetimeSeconds = APP_TOKEN_LIFETIME_S): IssuedToken {
    return this.issue(clientId, null, [], lifetimeSeconds, false);
  }

  /** The live token, or `undefined` if it is unknown, revoked or expired. */
  validate(accessToken: string): SimAccessToken | undefined {
    const token = this.byAccess.get(accessToken);
    if (!token || token.expiresAt <= this.world.clock.now()) return undefined;
    return token;
  }

  /** Rotates: the old access and refresh tokens stop working. */
  refresh(refreshToken: string, clientId: string): IssuedToken | undefined {
    const previous = this.byRefresh.get(refreshToken);
    if (previous?.clientId !== clientId || previous.userId === null) return undefined;
    this.revokeToken(previous);
    return this.issueUserToken(clientId, previous.userId, previous.scopes);
  }

  revoke(accessToken: string): boolean {
    const token = this.byAccess.get(accessToken);
    if (!token) return false;
    this.revokeToken(token);
    return true;
  }

  /** Makes a token expire now (tests: "the access token has expired, refresh it"). */
  expire(accessToken: string): void {
    const token = this.byAccess.get(accessToken);
    if (token) token.expiresAt = this.world.clock.now();
  }

  /** Every token of a user for one application stops working (the user disconnected the app). */
  revokeAllFor(userId: string, clientId: string): void {
    for (const token of [...this.byAccess.values()]) {
      if (token.userId === userId && token.clientId === clientId) this.revokeToken(token);
    }
    this.grants.delete(grantKey(userId, clientId));
  }

  private issue(
    clientId: string,
    userId: string | null,
    scopes: string[],
    lifetimeSeconds: number,
    withRefresh: boolean,
  ): IssuedToken {
    // Tokens are secrets even here: unpredictable, and outside the seeded sequence of traffic.
    const token: SimAccessToken = {
      token: randomBytes(15).toString('hex'),
      clientId,
      userId,
      scopes,
      expiresAt: this.world.clock.now() + lifetimeSeconds * 1000,
      refreshToken: withRefresh ? randomBytes(25).toString('hex') : null,
    };
    this.byAccess.set(token.token, token);
    if (token.refreshToken) this.byRefresh.set(token.refreshToken, token);
    if (userId !== null) {
      const key = grantKey(userId, clientId);
      this.grants.set(key, new Set([...(this.grants.get(key) ?? []), ...scopes]));
    }
    return {
      accessToken: token.token,
      refreshToken: token.refreshToken,
      expiresIn: lifetimeSeconds,
      scopes,
    };
  }

  private revokeToken(token: SimAccessToken): void {
    this.byAccess.delete(token.token);
    if (token.refreshToken) this.byRefresh.delete(token.refreshToken);
  }
}

function grantKey(userId: string, clientId: string): string {
  return `${userId} ${clientId}`;
}
