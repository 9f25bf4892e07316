/** Characters COPY's text format escapes, and NUL, which Postgres text cannot hold. */
/* eslint-disable no-control-regex -- matching control characters is the point */
const NEEDS_ESCAPE = /[\\\n\r\t\u0000]/;
const ESCAPES = /[\\\n\r\t\u0000]/g;
const REPLACEMENT: Record<string, string> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\u0000': '',
};

/** One field of a row in COPY's text format: `\N` for null, escaped otherwise. */
export function copyField(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string')
    return typeof value === 'boolean' ? (value ? 't' : 'f') : String(value);
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPES, (c) => REPLACEMENT[c] ?? '') : value;
}

/** A row of COPY text: tab-separated fields and a newline. */
export function copyLine(fields: readonly (string | number | boolean | null)[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++)
    line += (i === 0 ? '' : '\t') + copyField(fields[i] ?? null);
  return `${line}\n`;
}
