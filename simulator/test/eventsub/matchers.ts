import { expect } from 'vitest';

// vitest types its asymmetric matchers `any`; typed `unknown` they sit in object literals lint-clean.

export const anyString = (): unknown => expect.any(String);
export const anyNumber = (): unknown => expect.any(Number);
export const anyDate = (): unknown => expect.any(Date);
export const anyArray = (): unknown => expect.any(Array);
export const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);
export const containingText = (text: string): unknown => expect.stringContaining(text);
export const withFields = (fields: object): unknown => expect.objectContaining(fields);
export const withoutFields = (fields: object): unknown => expect.not.objectContaining(fields);
