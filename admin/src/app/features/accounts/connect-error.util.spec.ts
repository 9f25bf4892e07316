import { TWITCH_CONNECT_ERRORS } from '@integron/contracts';

import { UNKNOWN_CONNECT_ERROR_MESSAGE, connectErrorMessage } from './connect-error.util';

describe(connectErrorMessage.name, () => {
  it('has its own message for every code the backend sends', () => {
    const messages = TWITCH_CONNECT_ERRORS.map(connectErrorMessage);

    expect(messages).not.toContain(UNKNOWN_CONNECT_ERROR_MESSAGE);
    expect(new Set(messages).size).toBe(TWITCH_CONNECT_ERRORS.length);
  });

  it('answers anything else with the general message', () => {
    expect(connectErrorMessage('Twitch did not connect the account: evil')).toBe(
      UNKNOWN_CONNECT_ERROR_MESSAGE,
    );
    expect(connectErrorMessage('')).toBe(UNKNOWN_CONNECT_ERROR_MESSAGE);
  });
});
