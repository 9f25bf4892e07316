import { type HealthInfo } from '@integron/contracts';

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

const status = document.querySelector<HTMLElement>('[data-testid="overlay-server-status"]');
if (status) void showServerStatus(status);
