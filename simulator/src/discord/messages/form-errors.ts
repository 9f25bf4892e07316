import { type RESTErrorData, type RESTErrorFieldInformation } from 'discord-api-types/v10';
import { discordErrors } from '../discord-error.js';

export type FieldPath = readonly (string | number)[];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Length as Discord counts it: characters (code points), not UTF-16 units. */
export function characterCount(text: string): number {
  return [...text].length;
}

/**
 * Collects field errors into Discord's nested form-body tree, e.g.
 * `{ embeds: { 0: { title: { _errors: [{ code, message }] } } } }`.
 */
export class FormErrors {
  private readonly tree: Record<string, unknown> = {};
  private count = 0;

  add(path: FieldPath, code: string, message: string): void {
    let node = this.tree;
    for (const key of path) node = (node[key] ??= {}) as Record<string, unknown>;
    ((node._errors ??= []) as RESTErrorFieldInformation[]).push({ code, message });
    this.count++;
  }

  tooLong(path: FieldPath, maxLength: number): void {
    this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${maxLength} or fewer in length.`);
  }

  /** Checks an optional text field and returns its length, 0 when absent or not text. */
  text(path: FieldPath, value: unknown, maxLength: number, required = false): number {
    if (value === undefined || value === null) {
      if (required) this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
      return 0;
    }
    if (typeof value !== 'string') {
      this.add(path, 'BASE_TYPE_STRING', 'Could not interpret value as string.');
      return 0;
    }
    const length = characterCount(value);
    if (length > maxLength) this.tooLong(path, maxLength);
    return length;
  }

  /** Checks an optional list field; returns its items, or `[]` when absent or not a list. */
  list(path: FieldPath, value: unknown, maxLength = Number.POSITIVE_INFINITY): unknown[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.add(path, 'BASE_TYPE_LIST', 'Could not interpret value as list.');
      return [];
    }
    if (value.length > maxLength) this.tooLong(path, maxLength);
    return value;
  }

  /** Checks an optional object field; returns it, or `undefined` when absent or not an object. */
  object(path: FieldPath, value: unknown): Record<string, unknown> | undefined {
    if (value === undefined || value === null) return undefined;
    if (isRecord(value)) return value;
    this.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return undefined;
  }

  throwIfAny(): void {
    if (this.count > 0) throw discordErrors.invalidFormBody(this.tree as RESTErrorData);
  }
}
