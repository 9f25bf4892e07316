import { type HttpBrowser } from './http-browser.js';
import { redirectTarget } from './sign-in.js';

export interface TwitchPageSignIn {
  /** Where Integron sent the browser to sign in: the Twitch-compatible server's own page. */
  authorizeUrl: URL;
  /** Where Integron sent the browser once back. */
  landing: URL;
}

/**
 * "Sign in with Twitch" as a person does it in a browser, when the browser itself reaches the
 * Twitch-compatible server's consent page (live mode against `npm run sim`): opens it, clicks
 * the button of `login` (one of the users it lists) and follows the way back to Integron.
 */
export async function signInOnTwitchPage(
  browser: HttpBrowser,
  login: string,
): Promise<TwitchPageSignIn> {
  const authorizeUrl = redirectTarget(await browser.fetch('/api/auth/twitch'), browser.baseUrl);
  const page = await browser.fetch(authorizeUrl.href);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`${authorizeUrl.href} answered ${page.status}: ${html}`);
  const form = consentForm(html, authorizeUrl, login);
  const chosen = await browser.fetch(form.action.href, { method: 'POST', body: form.fields });
  const callback = redirectTarget(chosen, authorizeUrl.href);
  const landing = redirectTarget(await browser.fetch(callback.href), browser.baseUrl);
  return { authorizeUrl, landing };
}

/** The page's form as submitted by the button labelled `… (login)`, resolved as a browser does. */
function consentForm(
  html: string,
  pageUrl: URL,
  login: string,
): { action: URL; fields: URLSearchParams } {
  const action = /<form method="post" action="([^"]*)">/.exec(html)?.[1];
  const userId = new RegExp(
    `<button type="submit" name="user_id" value="([^"]*)">[^<]* \\(${login}\\)</button>`,
  ).exec(html)?.[1];
  if (action === undefined || userId === undefined)
    throw new Error(`${pageUrl.href} offers no button for ${login}:\n${html}`);
  const fields = new URLSearchParams();
  for (const [, name, value] of html.matchAll(
    /<input type="hidden" name="([^"]*)" value="([^"]*)"/g,
  ))
    fields.append(decodeHtml(name!), decodeHtml(value!));
  fields.set('user_id', decodeHtml(userId));
  return { action: new URL(decodeHtml(action), pageUrl), fields };
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'" };

function decodeHtml(text: string): string {
  return text.replace(
    /&(amp|quot|lt|gt|#39);/g,
    (entity, name: string) => ENTITIES[name] ?? entity,
  );
}
