import { checkPayloadJson, payloadField } from './payload-json.util';

describe(checkPayloadJson.name, () => {
  it('accepts a JSON object', () => {
    expect(checkPayloadJson('{ "user": { "id": "1" } }')).toEqual({
      ok: true,
      payload: { user: { id: '1' } },
    });
  });

  it('says where a syntax error is, by line and column', () => {
    const check = checkPayloadJson('{\n  "bits": 500,\n  "user" 2\n}');

    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toMatch(/^Not valid JSON at line 3, column 10: /);
  });

  it('explains text that stops too early', () => {
    const check = checkPayloadJson('{ "bits": ');

    expect(!check.ok && check.message).toMatch(/^Not valid JSON/);
  });

  it('wants an object, and says what it got instead', () => {
    expect(checkPayloadJson('[1, 2]')).toEqual({
      ok: false,
      message: 'The payload must be a JSON object, { … }, not an array.',
    });
    expect(checkPayloadJson('null')).toEqual({
      ok: false,
      message: 'The payload must be a JSON object, { … }, not null.',
    });
    expect(checkPayloadJson('  ').ok).toBe(false);
  });
});

describe(payloadField.name, () => {
  it('names fields inside the payload as the editor shows them', () => {
    expect(payloadField('payload.user.id')).toBe('user.id');
    expect(payloadField('payload')).toBe('the payload');
    expect(payloadField('channelId')).toBe('channelId');
  });
});
