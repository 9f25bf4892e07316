import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-oauth2';
import { AppConfig } from '../../config/app-config.js';
import { TwitchIdentity } from '../../twitch/twitch-identity.js';
import { TwitchOAuth } from '../../twitch/twitch-oauth.js';
import { type UserRef, SIGN_IN_CALLBACK_PATH } from '@integron/contracts';

/**
 * "Sign in with Twitch": the authorization-code flow with no scopes, only to learn who someone
 * is. The token is revoked as soon as their identity is known.
 */
@Injectable()
export class TwitchSignInStrategy extends PassportStrategy(Strategy, 'twitch') {
  constructor(
    private readonly oauth: TwitchOAuth,
    identity: TwitchIdentity,
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

  async validate(accessToken: string): Promise<UserRef> {
    try {
      return await this.oauth.identify(accessToken);
    } finally {
      await this.oauth.revoke(accessToken);
    }
  }
}
