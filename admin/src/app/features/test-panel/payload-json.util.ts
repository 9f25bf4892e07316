/** What the test panel's editor holds: a JSON object of an event type's fields, or why not. */
export type PayloadCheck =
  { ok: true; payload: Record<string, unknown> } | { ok: false; message: string };

/** Line and column (from 1) of `position` in `text`. */
function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

function kindOf(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  return `a ${typeof value}`;
}

/**
 * Checks the editor's text before anything is sent: JSON syntax, with the line and column of a
 * mistake where the browser tells the position, and an object at the top.
 */
export function checkPayloadJson(text: string): PayloadCheck {
  if (text.trim() === '') {
    return { ok: false, message: 'Write the event’s fields as a JSON object, { … }.' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error: unknown) {
    const raw = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(raw)?.[1];
    const reason = raw
      .replace(/\s*in JSON at position \d+.*$/s, '')
      .replace(/, ".*" is not valid JSON$/s, '')
      .replace(/\.$/, '');
    if (position === undefined) {
      return { ok: false, message: `Not valid JSON: ${reason}.` };
    }
    const { line, column } = lineAndColumn(text, Number(position));
    return { ok: false, message: `Not valid JSON at line ${line}, column ${column}: ${reason}.` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      message: `The payload must be a JSON object, { … }, not ${kindOf(value)}.`,
    };
  }
  return { ok: true, payload: value as Record<string, unknown> };
}

/** `payload.user.id` → `user.id`: the editor holds the payload. */
export function payloadField(field: string): string {
  return field.replace(/^payload\.?/, '') || 'the payload';
}
