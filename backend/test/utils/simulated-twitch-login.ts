import { type Simulator } from '@integron/simulator';

type Answer = { login: string } | 'cancel';

/**
 * A person at the simulated id.twitch.tv consent page, wherever `authorizeUrl` serves it: opens
 * it, picks `login` (created if new) and approves, or cancels, as a browser submits the page's
 * form. Returns where Twitch sends the browser back to.
 */
export async function answerTwitchConsent(
  simulator: Simulator,
  authorizeUrl: URL,
  answer: Answer,
): Promise<URL> {
  const response = await submitPage(simulator, authorizeUrl, answer);
  const location = response.headers.get('location');
  if (response.status !== 302 || !location)
    throw new Error(`The consent page answered ${response.status}: ${await response.text()}`);
  return new URL(location);
}

/** A person on the simulated Twitch's device page at `verificationUri`; returns its answer. */
export function answerDeviceActivation(
  simulator: Simulator,
  verificationUri: string,
  answer: Answer,
): Promise<Response> {
  return submitPage(simulator, new URL(verificationUri), answer);
}

async function submitPage(simulator: Simulator, pageUrl: URL, answer: Answer): Promise<Response> {
  const userId = answer === 'cancel' ? null : simulator.twitch.world.ensureUser(answer.login).id;
  const page = await fetch(pageUrl, { redirect: 'manual' });
  const html = await page.text();
  if (page.status !== 200) throw new Error(`${pageUrl.href} answered ${page.status}: ${html}`);
  const { action, fields } = pageForm(html, pageUrl);
  if (userId === null) fields.set('cancel', '1');
  else if (html.includes(`name="user_id" value="${userId}"`)) fields.set('user_id', userId);
  else throw new Error(`${pageUrl.href} offers no button for ${userId}`);
  return fetch(action, { method: 'POST', body: fields, redirect: 'manual' });
}

/** Where the page's form posts, resolved as a browser does, and its prefilled fields. */
function pageForm(html: string, pageUrl: URL): { action: URL; fields: URLSearchParams } {
  const action = /<form method="post" action="([^"]*)">/.exec(html)?.[1];
  if (action === undefined) throw new Error(`${pageUrl.href} has no form`);
  const fields = new URLSearchParams();
  for (const [, name, value] of html.matchAll(
    /<input type="(?:hidden|text)" name="([^"]*)" value="([^"]*)"/g,
  ))
    fields.append(decodeHtml(name!), decodeHtml(value!));
  return { action: new URL(decodeHtml(action), pageUrl), fields };
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'" };

function decodeHtml(text: string): string {
  return text.replace(
    /&(amp|quot|lt|gt|#39);/g,
    (entity, name: string) => ENTITIES[name] ?? entity,
  );
}
