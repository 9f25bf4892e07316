import { type FieldError } from '@integron/contracts';
import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiError } from './api-error.js';

/** Validates every DTO; unknown fields are refused, and each problem names its field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new ApiError(
        'VALIDATION_FAILED',
        `Invalid request: ${fields.map((field) => field.message).join('; ')}.`,
        fields,
      );
    },
  });
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: parent ? message.replace(error.property, field) : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
