import { describe, expect, it } from 'vitest';
import { csvField, csvRecord, spreadsheetText } from './csv.util.js';

describe(csvField.name, () => {
  it('leaves plain text, numbers and booleans as they are, and null empty', () => {
    expect(csvField('hello 😀 日本語')).toBe('hello 😀 日本語');
    expect(csvField(42)).toBe('42');
    expect(csvField(false)).toBe('false');
    expect(csvField(null)).toBe('');
  });

  it.each([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['"', '""""'],
  ])('quotes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe(csvRecord.name, () => {
  it('joins fields with commas and ends the record with CRLF', () => {
    expect(csvRecord(['a', null, 'b,c', 1])).toBe('a,,"b,c",1\r\n');
  });
});

describe(spreadsheetText.name, () => {
  it.each(['=HYPERLINK("x")', '+1', '-1 from me', '@here', '\tx'])(
    'defuses %j so a spreadsheet shows it as text',
    (text) => {
      expect(spreadsheetText(text)).toBe(`'${text}`);
    },
  );

  it('keeps other text and null unchanged', () => {
    expect(spreadsheetText('gg = good game')).toBe('gg = good game');
    expect(spreadsheetText(null)).toBeNull();
  });
});
