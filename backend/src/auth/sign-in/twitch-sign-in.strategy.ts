import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ApiClient } from '@twurple/api';
import { getTokenInfo, revokeToken, StaticAuthProvider } from '@twurple/auth';
import { Strategy } from 'passport-oauth2';
import { AppConfig } from '../../config/app-config.js';
import { type TwitchProfile } from '../team/team.service.js';
import { TwitchIdentity } from '../twitch-identity.js';

export const SIGN_IN_CALLBACK_PATH = '/api/auth/twitch/callback';

/**
 * "Sign in with Twitch": the authorization-code flow with no scopes, only to learn who someone
 * is. The token is revoked as soon as their identity is known.
 */
@Injectable()
export class TwitchSignInStrategy extends PassportStrategy(Strategy, 'twitch') {
  constructor(
    private readonly identity: TwitchIdentity,
    config: AppConfig,
  ) {
    super({
      authorizationURL: identity.authorizeUrl,
      tokenURL: identity.tokenUrl,
      clientID: identity.clientId,
      clientSecret: identity.clientSecret,
      callbackURL: `${config.http.publicUrl}${SIGN_IN_CALLBACK_PATH}`,
      state: true,
    });
  }

  async validate(accessToken: string): Promise<TwitchProfile> {
    const { clientId } = this.identity;
    const info = await getTokenInfo(accessToken, clientId);
    const user = info.userId
      ? await new ApiClient({
          authProvider: new StaticAuthProvider(clientId, accessToken),
        }).users.getUserById(info.userId)
      : null;
    await revokeToken(clientId, accessToken).catch(() => undefined);
    if (!user) throw new Error('Twitch did not say who signed in');
    return { twitchUserId: user.id, login: user.name, displayName: user.displayName };
  }
}
