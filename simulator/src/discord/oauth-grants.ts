import { randomBytes } from 'node:crypto';
import { type Clock } from '../world/clock.js';

export interface OAuthGrant {
  clientId: string;
  userId: string;
  scopes: readonly string[];
}

export interface AuthorizationCode extends OAuthGrant {
  /** The redirect URI the code was sent to; the token request must repeat it. */
  redirectUri: string;
}

export interface OAuthAccess extends OAuthGrant {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms. */
  expiresAt: number;
}

export const ACCESS_TOKEN_LIFETIME_S = 7 * 24 * 60 * 60;
const CODE_LIFETIME_MS = 10 * 60 * 1000;

/** Authorization codes and the access and refresh tokens they turn into. */
export class OAuthGrants {
  private readonly codes = new Map<string, AuthorizationCode & { expiresAt: number }>();
  private readonly byAccess = new Map<string, OAuthAccess>();
  private readonly byRefresh = new Map<string, OAuthAccess>();

  constructor(private readonly clock: Clock) {}

  issueCode(grant: AuthorizationCode): string {
    const code = secret();
    this.codes.set(code, { ...grant, expiresAt: this.clock.now() + CODE_LIFETIME_MS });
    return code;
  }

  /** A code works once, for the client it was issued to, within ten minutes. */
  redeemCode(code: string, clientId: string): AuthorizationCode | undefined {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    if (grant?.clientId !== clientId || grant.expiresAt <= this.clock.now()) return undefined;
    return grant;
  }

  issueAccess({ clientId, userId, scopes }: OAuthGrant): OAuthAccess {
    const access: OAuthAccess = {
      clientId,
      userId,
      scopes,
      accessToken: secret(),
      refreshToken: secret(),
      expiresAt: this.clock.now() + ACCESS_TOKEN_LIFETIME_S * 1000,
    };
    this.byAccess.set(access.accessToken, access);
    this.byRefresh.set(access.refreshToken, access);
    return access;
  }

  /** Rotates: the old pair stops working. */
  refresh(refreshToken: string, clientId: string): OAuthAccess | undefined {
    const previous = this.byRefresh.get(refreshToken);
    if (previous?.clientId !== clientId) return undefined;
    this.byAccess.delete(previous.accessToken);
    this.byRefresh.delete(previous.refreshToken);
    return this.issueAccess(previous);
  }

  /** The live grant behind a bearer token, or `undefined` if it is unknown or expired. */
  access(accessToken: string): OAuthAccess | undefined {
    const access = this.byAccess.get(accessToken);
    if (!access || access.expiresAt <= this.clock.now()) return undefined;
    return access;
  }
}

// Tokens are secrets even here: unpredictable, and outside the seeded sequence of the world.
const secret = (): string => randomBytes(15).toString('hex');
