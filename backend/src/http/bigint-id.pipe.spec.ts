import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { BigIntIdPipe } from './bigint-id.pipe.js';

const channelIdParam = { type: 'param' as const, data: 'channelId' };

function rejectionOf(value: string): ApiError {
  try {
    new BigIntIdPipe().transform(value, channelIdParam);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error(`expected ${value} to be refused`);
}

describe(BigIntIdPipe.name, () => {
  it('passes ids that fit a bigint column through unchanged', () => {
    const sut = new BigIntIdPipe();

    expect(sut.transform('42', channelIdParam)).toBe('42');
    expect(sut.transform('999999999999999999', channelIdParam)).toBe('999999999999999999');
  });

  it.each(['abc', '', '-1', '1.5', ' 7', '0x10', '9223372036854775808', '1234567890123456789'])(
    'refuses %j, naming the parameter',
    (value) => {
      const sut = rejectionOf(value);

      expect(sut.code).toBe('VALIDATION_FAILED');
      expect(sut.details).toEqual([
        { field: 'channelId', message: 'channelId must be a numeric id of at most 18 digits' },
      ]);
    },
  );
});
