import { expect, type Page } from '@playwright/test';

/** Demo mode's one-click sign-in: the admin's button, then a person on the simulated Twitch page. */
export async function signInWithTwitch(
  page: Page,
  baseUrl: string,
  user: { login: string; displayName: string },
): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByTestId('sign-in-button').click();
  await page
    .getByRole('button', { name: `${user.displayName} (${user.login})`, exact: true })
    .click();
}

/** Logins that exist in the demo's simulated Twitch. */
export const DEMO_USERS = {
  captain: { login: 'teamcaptain', displayName: 'TeamCaptain' },
  paladin: { login: 'pixelpaladin', displayName: 'PixelPaladin' },
  sally: { login: 'speedrunsally', displayName: 'SpeedrunSally' },
} as const;
