import { type HealthInfo } from '@integron/contracts';
import { connectOverlay, overlayCredentialsFrom } from './lib/overlay-socket';
import { describeOverlayState } from './lib/overlay-state-text';

/** Tells someone setting up OBS whether this overlay host reaches the Integron server. */
async function showServerStatus(element: HTMLElement): Promise<void> {
  try {
    const response = await fetch('/api/health', { cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const health = (await response.json()) as HealthInfo;
    element.textContent = `Connected to Integron ${health.version} (${health.mode} mode).`;
    element.dataset.status = 'ok';
  } catch (error) {
    element.textContent = `Cannot reach the Integron server: ${error instanceof Error ? error.message : String(error)}.`;
    element.dataset.status = 'error';
  }
}

/** Shows whether the URL's overlay key opens its channel, live. */
function showKeyStatus(element: HTMLElement): void {
  const credentials = overlayCredentialsFrom(window.location);
  // With a key the page is an OBS source, not a setup page: see index.css.
  document.body.classList.toggle('with-key', credentials !== null);
  connectOverlay(credentials, (state) => {
    const { text, status } = describeOverlayState(state);
    element.textContent = text;
    element.dataset.status = status;
    element.dataset.state = state.kind;
  });
}

const serverStatus = document.querySelector<HTMLElement>('[data-testid="overlay-server-status"]');
if (serverStatus) void showServerStatus(serverStatus);
const keyStatus = document.querySelector<HTMLElement>('[data-testid="overlay-key-status"]');
if (keyStatus) showKeyStatus(keyStatus);
