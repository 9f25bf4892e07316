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

/** Who an overlay page is: an overlay key, or a preview in the admin. */
export type OverlayCredentials = { key: string } | { preview: string };

/**
 * What an overlay URL carries: `/overlay/…?key=ovk_…` for an OBS source, or the admin's
 * `?preview=<channel id>` (authorised by the signed-in session).
 */
export function overlayCredentialsFrom(
  location: Pick<Location, 'search'>,
): OverlayCredentials | null {
  const params = new URLSearchParams(location.search);
  const key = params.get('key')?.trim();
  if (key) return { key };
  const preview = params.get('preview')?.trim();
  return preview ? { preview } : null;
}

/**
 * Connects an overlay page to its channel with its key (or a preview's session), asking for `replay` recent items on
 * every (re)connect. Socket.io reconnects by itself, with backoff, after a network loss or a
 * server restart; a refused or withdrawn key is final, so the page stops trying.
 */
export function connectOverlay(
  credentials: OverlayCredentials | null,
  onState: (state: OverlayConnectionState) => void,
  replay = 0,
): OverlaySocket | null {
  if (credentials === null) {
    onState({ kind: 'no-key' });
    return null;
  }
  const auth: OverlayHandshake = { ...credentials, replay };
  // Closing the page (OBS removing the source) tells the server at once, not after a ping timeout.
  const socket: OverlaySocket = io(OVERLAY_NAMESPACE, { auth, closeOnBeforeunload: true });
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
