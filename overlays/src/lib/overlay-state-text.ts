import { OVERLAY_KEY_REFUSED } from '@integron/contracts';
import { type OverlayConnectionState } from './overlay-socket';

const FRESH_URL = "Copy a fresh overlay URL from the Overlay keys page of Integron's admin.";

/** What a person setting up OBS reads for each connection state. */
export function describeOverlayState(state: OverlayConnectionState): {
  text: string;
  status: 'ok' | 'pending' | 'error';
} {
  switch (state.kind) {
    case 'no-key':
      return {
        text: `This URL has no overlay key. ${FRESH_URL}`,
        status: 'error',
      };
    case 'connecting':
      return { text: 'Connecting to Integron…', status: 'pending' };
    case 'ready':
      return {
        text: `Ready: overlays of ${state.session.channel.displayName} (key "${state.session.keyName}").`,
        status: 'ok',
      };
    case 'refused':
      return state.reason === OVERLAY_KEY_REFUSED
        ? {
            text: `Integron refused this overlay key: it was rotated, revoked or mistyped. ${FRESH_URL}`,
            status: 'error',
          }
        : { text: `Integron could not open this overlay: ${state.reason}`, status: 'error' };
    case 'withdrawn':
      return {
        text: `This overlay key was just rotated or revoked. ${FRESH_URL}`,
        status: 'error',
      };
    case 'reconnecting':
      return { text: 'Lost the connection to Integron; reconnecting…', status: 'pending' };
  }
}
