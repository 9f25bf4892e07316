import {
  OVERLAY_NAMESPACE,
  type OverlayClientToServerEvents,
  type OverlayHandshake,
  type OverlayServerToClientEvents,
  type OverlaySession,
} from '@integron/contracts';
import { type Socket, io } from 'socket.io-client';

export type OverlaySocket = Socket<OverlayServerToClientEvents, OverlayClientToServerEvents>;

/** Where an overlay page stands with the server, for it to show or act on. */
export type OverlayConnectionState =
  | { kind: 'no-key' }
  | { kind: 'connecting' }
  | { kind: 'ready'; session: OverlaySession }
  | { kind: 'refused'; reason: string }
  | { kind: 'withdrawn' }
  | { kind: 'reconnecting' };

/** The key an overlay URL carries: `/overlay/…?key=ovk_…`. */
export function overlayKeyFrom(location: Pick<Location, 'search'>): string | null {
  const key = new URLSearchParams(location.search).get('key')?.trim();
  return key === undefined || key === '' ? null : key;
}

/**
 * Connects an overlay page to its channel with its key, asking for `replay` recent items on
 * every (re)connect. Socket.io reconnects by itself, with backoff, after a network loss or a
 * server restart; a refused or withdrawn key is final, so the page stops trying.
 */
export function connectOverlay(
  key: string | null,
  onState: (state: OverlayConnectionState) => void,
  replay = 0,
): OverlaySocket | null {
  if (key === null) {
    onState({ kind: 'no-key' });
    return null;
  }
  const auth: OverlayHandshake = { key, replay };
  const socket: OverlaySocket = io(OVERLAY_NAMESPACE, { auth });
  onState({ kind: 'connecting' });
  socket.on('ready', (session) => onState({ kind: 'ready', session }));
  socket.on('connect_error', (error) => {
    if (socket.active) {
      onState({ kind: 'reconnecting' });
    } else {
      onState({ kind: 'refused', reason: error.message });
    }
  });
  socket.on('disconnect', (reason) => {
    onState(reason === 'io server disconnect' ? { kind: 'withdrawn' } : { kind: 'reconnecting' });
  });
  return socket;
}
