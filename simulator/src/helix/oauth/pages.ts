import { type SimUser } from '../../world/twitch-world.js';

export interface ConsentPage {
  title: string;
  /** Where the form posts, relative to the page so that it works behind a proxy under any path. */
  action: string;
  /** What the application asks for; none on a device page before its code is known. */
  scopes: readonly string[];
  hidden: Readonly<Partial<Record<string, string>>>;
  users: Iterable<SimUser>;
  /** Shows a `user_code` field with this value (device activation). */
  userCode?: string;
}

/**
 * Where a person picks which simulated user they are and agrees, or cancels. The markup is kept
 * stable for browser tests: one button per user, `name="user_id" value="<id>"`, labelled
 * `DisplayName (login)`, and a `name="cancel"` button.
 */
export function consentPage(page: ConsentPage): string {
  const scopes = page.scopes.map((scope) => `<li>${escapeHtml(scope)}</li>`).join('');
  const hidden = Object.entries(page.hidden)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join('\n    ');
  const users = [...page.users]
    .map(
      (user) =>
        `<li><button type="submit" name="user_id" value="${escapeHtml(user.id)}">` +
        `${escapeHtml(user.displayName)} (${escapeHtml(user.login)})</button></li>`,
    )
    .join('\n      ');
  const codeField =
    page.userCode === undefined
      ? ''
      : `<label>Code <input type="text" name="user_code" value="${escapeHtml(page.userCode)}" autocomplete="off"></label>`;
  return layout(
    page.title,
    `<h1>${escapeHtml(page.title)}</h1>
  ${scopes ? `<p>It asks for:</p>\n  <ul class="scopes">${scopes}</ul>` : ''}
  <form method="post" action="${escapeHtml(page.action)}">
    ${hidden}
    ${codeField}
    <p>Continue as:</p>
    <ul class="users">
      ${users}
    </ul>
    <button type="submit" name="cancel" value="1">Cancel</button>
  </form>`,
  );
}

export function messagePage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n  <p>${escapeHtml(message)}</p>`);
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(title)} · Simulated Twitch</title>
</head>
<body>
  ${body}
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );
}
