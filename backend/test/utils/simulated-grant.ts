import { TWITCH_ACCOUNT_SCOPES, type TwitchAccountPurpose } from '@integron/contracts';
import { DemoSimulator } from '../../src/demo/demo-simulator.js';
import { type TwitchGrant } from '../../src/auth/token-vault/token-vault.js';
import { type TestApp } from './test-app.js';

/**
 * What a connect flow hands the vault: a grant the simulated Twitch issued just now to `login`,
 * with the scopes of `purpose`. For tests that need an account without walking a flow.
 */
export function simulatedGrant(
  sut: TestApp,
  login: string,
  displayName: string,
  purpose: TwitchAccountPurpose,
): TwitchGrant {
  const world = sut.simulator!.twitch.world;
  const user = world.ensureUser(login, displayName);
  const clientId = sut.app.get(DemoSimulator).twitchApp.clientId;
  const issued = world.tokens.issueUserToken(clientId, user.id, TWITCH_ACCOUNT_SCOPES[purpose]);
  return {
    user: { id: user.id, login: user.login, displayName: user.displayName },
    purpose,
    token: {
      accessToken: issued.accessToken,
      refreshToken: issued.refreshToken,
      scope: issued.scopes,
      expiresIn: issued.expiresIn,
      obtainmentTimestamp: Date.now(),
    },
    connectedBy: null,
  };
}
