import { randomBytes } from 'node:crypto';
import { type Clock } from '../../world/clock.js';

/** What a person agreed to: this application may act as them within these scopes. */
export interface Grant {
  clientId: string;
  userId: string;
  scopes: string[];
}

interface IssuedCode extends Grant {
  redirectUri: string;
  expiresAt: number;
}

const CODE_LIFETIME_MS = 10 * 60_000;

/** Authorization codes: single use, short-lived, bound to the redirect URI they went to. */
export class AuthorizationCodes {
  private readonly codes = new Map<string, IssuedCode>();

  constructor(private readonly clock: Clock) {}

  issue(grant: Grant, redirectUri: string): string {
    const code = randomBytes(15).toString('hex');
    const expiresAt = this.clock.now() + CODE_LIFETIME_MS;
    this.codes.set(code, { ...grant, redirectUri, expiresAt });
    return code;
  }

  redeem(code: string, clientId: string, redirectUri: string | undefined): Grant | undefined {
    const issued = this.codes.get(code);
    this.codes.delete(code);
    if (!issued || issued.expiresAt <= this.clock.now()) return undefined;
    if (issued.clientId !== clientId || issued.redirectUri !== redirectUri) return undefined;
    return { clientId: issued.clientId, userId: issued.userId, scopes: issued.scopes };
  }
}
