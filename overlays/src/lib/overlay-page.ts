import { connectOverlay, overlayCredentialsFrom, type OverlaySocket } from './overlay-socket';
import { describeOverlayState } from './overlay-state-text';

/**
 * What every overlay page does: connect with the URL's key and keep quiet unless something is
 * wrong. A key that opens nothing is said in `.overlay-notice` until it is fixed; settings that
 * did not fit the URL are said for a few seconds; losing the server says nothing (the page keeps
 * what it shows and catches up when it is back). `body[data-connection]` tells the state.
 */
export function startOverlayPage(
  problems: readonly string[],
  replay: number,
): OverlaySocket | null {
  const notice = document.querySelector<HTMLElement>('.overlay-notice');
  return connectOverlay(
    overlayCredentialsFrom(window.location),
    (state) => {
      document.body.dataset.connection = state.kind;
      const { text, status } = describeOverlayState(state);
      if (notice) showNotice(notice, status === 'error' ? text : null, problems);
    },
    replay,
  );
}

function showNotice(notice: HTMLElement, error: string | null, problems: readonly string[]): void {
  const lines = error === null ? problems : [error, ...problems];
  notice.replaceChildren(
    ...lines.map((line) => {
      const paragraph = document.createElement('p');
      paragraph.textContent = line;
      return paragraph;
    }),
  );
  notice.hidden = lines.length === 0;
  notice.classList.toggle('overlay-notice--fades', error === null);
}
