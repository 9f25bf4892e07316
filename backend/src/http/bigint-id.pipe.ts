import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { ApiError } from './api-error.js';

/** Eighteen digits always fit Postgres's bigint; longer ones might not. */
const BIGINT_ID = /^\d{1,18}$/;

/** Whether `value` can be looked up as the id of a bigint row. */
export function isBigIntId(value: string): boolean {
  return BIGINT_ID.test(value);
}

/** A path parameter holding a bigint row id, e.g. `@Param('id', BigIntIdPipe)`; else a 400. */
@Injectable()
export class BigIntIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (isBigIntId(value)) return value;
    const field = metadata.data ?? 'id';
    const message = `${field} must be a numeric id of at most 18 digits`;
    throw new ApiError('VALIDATION_FAILED', `Invalid request: ${message}.`, [{ field, message }]);
  }
}
