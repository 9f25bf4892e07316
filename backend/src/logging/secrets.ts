/**
 * Names of the fields and query parameters that carry credentials: overlay keys, OAuth codes and
 * states, tokens and client secrets.
 */
const SECRET_NAMES = [
  'key',
  'code',
  'state',
  'token',
  'access_token',
  'refresh_token',
  'client_secret',
];

const SECRET_ASSIGNMENT = new RegExp(
  `(["']?\\b(?:${SECRET_NAMES.join('|')})["']?\\s*[=:]\\s*["']?)[^&\\s"',}]+`,
  'gi',
);

/** The request URL as logged: secret query values replaced. */
export function loggableUrl(url: string | undefined): string | undefined {
  if (!url?.includes('?')) return url;
  const [path, query] = [url.slice(0, url.indexOf('?')), url.slice(url.indexOf('?') + 1)];
  const params = new URLSearchParams(query);
  for (const name of SECRET_NAMES) {
    if (params.has(name)) params.set(name, '[redacted]');
  }
  return `${path}?${params.toString()}`;
}

/**
 * `text` with values of secret-named fields replaced, for error messages and stacks of libraries
 * that quote their requests (twurple does, client secret included).
 */
export function scrubSecrets(text: string): string {
  return text.replace(SECRET_ASSIGNMENT, '$1[redacted]');
}
