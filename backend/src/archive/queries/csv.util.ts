/** A CSV cell's value; `null` is an empty cell. */
export type CsvValue = string | number | boolean | null;

const NEEDS_QUOTES = /[",\r\n]/;
/** What a spreadsheet would run as a formula when a cell starts with it. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field as RFC 4180 writes it: quoted when it holds a quote, comma or line break. */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated (RFC 4180). */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * Text written by chatters, made safe to open in a spreadsheet: a leading `=`, `+`, `-`, `@`,
 * tab or CR would make Excel or Sheets run it as a formula (OWASP "CSV injection"), so such text
 * gets a leading apostrophe, which spreadsheets hide. NDJSON exports keep the text exact.
 */
export function spreadsheetText(text: string | null): string | null {
  return text !== null && FORMULA_START.test(text) ? `'${text}` : text;
}
