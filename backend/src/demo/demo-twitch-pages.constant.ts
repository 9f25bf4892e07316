import { type AppConfig } from '../config/app-config.js';

/** Where Integron serves the simulated id.twitch.tv's pages in demo mode. */
export const DEMO_TWITCH_PAGES_PATH = 'demo/twitch/auth';

/** The simulated Twitch's sign-in and device pages, on Integron's public address. */
export function demoTwitchPagesUrl(config: AppConfig): string {
  return `${config.http.publicUrl}/${DEMO_TWITCH_PAGES_PATH}`;
}
