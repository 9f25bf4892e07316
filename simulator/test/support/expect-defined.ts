import { expect } from 'vitest';

/** `expect(value).toBeDefined()`, which also tells the type checker that `value` is defined. */
export function expectDefined<T>(
  value: T,
  message?: string,
): asserts value is Exclude<T, undefined> {
  expect(value, message).toBeDefined();
}
