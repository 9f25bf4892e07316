import { type APIUser } from 'discord-api-types/v10';
import { type SimOAuthApp } from '../discord-world.js';

export interface AuthorizationRequest {
  app: SimOAuthApp;
  redirectUri: string;
  scopes: string[];
  state: string | undefined;
}

/** What the consent screen says each scope allows. */
export const SCOPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  identify: 'Access your username, avatar, and banner',
  email: 'Access your email address',
  guilds: "Know what servers you're in",
};

/**
 * The consent screen. Instead of a login, it lists the simulated people: each is a submit
 * button carrying `user_id`; Cancel submits none, which denies access.
 */
export function authorizePage(
  { app, redirectUri, scopes, state }: AuthorizationRequest,
  people: readonly APIUser[],
): string {
  const hidden = {
    response_type: 'code',
    client_id: app.clientId,
    redirect_uri: redirectUri,
    scope: scopes.join(' '),
    ...(state !== undefined && { state }),
  };
  return page(
    `Authorize ${app.name}`,
    `<h1>${escapeHtml(app.name)} wants to access your account</h1>
<ul>
${scopes.map((scope) => `  <li>${escapeHtml(describeScope(scope))}</li>`).join('\n')}
</ul>
<form method="post" action="/oauth2/authorize">
${Object.entries(hidden)
  .map(([name, value]) => `  <input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
  .join('\n')}
  <p>Continue as:</p>
${people
  .map(
    (person) =>
      `  <button type="submit" name="user_id" value="${person.id}">${escapeHtml(person.global_name ?? person.username)}</button>`,
  )
  .join('\n')}
  <button type="submit" name="cancel" value="true">Cancel</button>
</form>`,
  );
}

/** Only validated scopes reach the consent screen, so a missing description is a bug. */
function describeScope(scope: string): string {
  const description = SCOPE_DESCRIPTIONS[scope];
  if (description === undefined) throw new Error(`No description for OAuth2 scope "${scope}"`);
  return description;
}

export function errorPage(problem: string): string {
  return page('Discord', `<h1>${escapeHtml(problem)}</h1>`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body>
${body}
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  const entities: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
  };
  return text.replace(/[&<>"']/g, (character) => entities[character] ?? character);
}
