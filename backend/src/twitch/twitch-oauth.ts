import { type UserRef } from '@integron/contracts';
import { Injectable } from '@nestjs/common';
import { ApiClient } from '@twurple/api';
import {
  type AccessToken,
  exchangeCode,
  getTokenInfo,
  revokeToken,
  StaticAuthProvider,
} from '@twurple/auth';
import { TwitchIdentity } from './twitch-identity.js';

const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  expiresInSeconds: number;
  intervalSeconds: number;
}

/** One poll of a device authorization, in the words of RFC 8628 as Twitch speaks them. */
export type DevicePoll =
  | { state: 'approved'; token: AccessToken }
  | { state: 'pending' }
  | { state: 'slow_down' }
  | { state: 'denied' }
  | { state: 'invalid'; statusCode: number };

/** id.twitch.tv refused a request; what it said is Twitch's text and stays out of logs and pages. */
export class TwitchOAuthError extends Error {
  override readonly name = 'TwitchOAuthError';

  constructor(readonly statusCode: number) {
    super(`id.twitch.tv answered HTTP ${statusCode}`);
  }
}

/** Integron's calls to id.twitch.tv (or the simulated one in demo mode). */
@Injectable()
export class TwitchOAuth {
  constructor(private readonly identity: TwitchIdentity) {}

  authorizeUrl(request: { redirectUri: string; scopes: readonly string[]; state: string }): string {
    const url = new URL(this.identity.authorizeUrl);
    url.search = new URLSearchParams({
      client_id: this.identity.clientId,
      redirect_uri: request.redirectUri,
      response_type: 'code',
      scope: request.scopes.join(' '),
      state: request.state,
      // Let the admin pick which Twitch account to connect, not silently reuse their own.
      force_verify: 'true',
    }).toString();
    return url.toString();
  }

  exchangeCode(code: string, redirectUri: string): Promise<AccessToken> {
    const { clientId, clientSecret } = this.identity;
    return exchangeCode(clientId, clientSecret, code, redirectUri);
  }

  /** Whose token this is, with their current login and display name. */
  async identify(accessToken: string): Promise<UserRef> {
    const { clientId } = this.identity;
    const info = await getTokenInfo(accessToken, clientId);
    const user = info.userId
      ? await new ApiClient({
          authProvider: new StaticAuthProvider(clientId, accessToken),
        }).users.getUserById(info.userId)
      : null;
    if (!user) throw new Error('Twitch did not say whose token this is');
    return { id: user.id, login: user.name, displayName: user.displayName };
  }

  /** Best effort: a token that is already dead needs no revoking. */
  async revoke(accessToken: string): Promise<void> {
    await revokeToken(this.identity.clientId, accessToken).catch(() => undefined);
  }

  async startDeviceAuthorization(scopes: readonly string[]): Promise<DeviceAuthorization> {
    const body = await this.post(this.identity.deviceUrl, {
      client_id: this.identity.clientId,
      scopes: scopes.join(' '),
    });
    if (!body.ok) throw new TwitchOAuthError(body.status);
    const json = body.json as Record<string, unknown>;
    return {
      deviceCode: String(json.device_code),
      userCode: String(json.user_code),
      verificationUri: String(json.verification_uri),
      expiresInSeconds: Number(json.expires_in),
      intervalSeconds: Number(json.interval),
    };
  }

  async pollDeviceToken(deviceCode: string, scopes: readonly string[]): Promise<DevicePoll> {
    const body = await this.post(this.identity.tokenUrl, {
      client_id: this.identity.clientId,
      device_code: deviceCode,
      grant_type: DEVICE_CODE_GRANT,
      scopes: scopes.join(' '),
    });
    if (body.ok) return { state: 'approved', token: toAccessToken(body.json) };
    switch (body.message) {
      case 'authorization_pending':
        return { state: 'pending' };
      case 'slow_down':
        return { state: 'slow_down' };
      case 'authorization_denied':
      case 'access_denied':
        return { state: 'denied' };
      default:
        return { state: 'invalid', statusCode: body.status };
    }
  }

  private async post(
    url: string,
    form: Record<string, string>,
  ): Promise<{ ok: true; json: unknown } | { ok: false; status: number; message: string }> {
    const response = await fetch(url, { method: 'POST', body: new URLSearchParams(form) });
    const json: unknown = await response.json().catch(() => null);
    if (response.ok) return { ok: true, json };
    const message = (json as { message?: unknown } | null)?.message;
    return {
      ok: false,
      status: response.status,
      message: typeof message === 'string' ? message : '',
    };
  }
}

/** id.twitch.tv's token response, in twurple's shape. */
function toAccessToken(json: unknown): AccessToken {
  const body = json as {
    access_token: string;
    refresh_token?: string;
    scope?: string[];
    expires_in?: number;
  };
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? null,
    scope: body.scope ?? [],
    expiresIn: body.expires_in ?? null,
    obtainmentTimestamp: Date.now(),
  };
}
