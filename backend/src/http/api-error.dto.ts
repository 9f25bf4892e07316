import {
  API_ERROR_CODES,
  type ApiErrorBody,
  type ApiErrorCode,
  type FieldError,
} from '@integron/contracts';
import { ApiProperty, ApiPropertyOptional, type OpenAPIObject } from '@nestjs/swagger';

export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'login' }) field!: string;
  @ApiProperty({ example: 'must be a Twitch login: 1–25 letters, digits or underscores' })
  message!: string;
}

export class ApiErrorBodyDto implements ApiErrorBody {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ enum: API_ERROR_CODES, example: 'VALIDATION_FAILED' }) code!: ApiErrorCode;
  @ApiProperty({ example: 'The request is not valid.' }) message!: string;
  @ApiPropertyOptional({
    type: [FieldErrorDto],
    description: 'For VALIDATION_FAILED: one entry per offending field.',
  })
  details?: FieldError[];
}

const ERROR_RESPONSE = {
  description: 'Any failure: `{ statusCode, code, message, details? }`.',
  content: {
    'application/json': { schema: { $ref: `#/components/schemas/${ApiErrorBodyDto.name}` } },
  },
};

/** Every operation documents the uniform error body as its `default` response. */
export function withErrorResponses(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const operation of [path.get, path.put, path.post, path.delete, path.patch]) {
      if (operation && !('default' in operation.responses)) {
        operation.responses.default = ERROR_RESPONSE;
      }
    }
  }
  return document;
}
