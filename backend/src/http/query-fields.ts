import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min, ValidateBy } from 'class-validator';

/** Ids of bigint rows and Twitch user ids: digits, at most 18 (what always fits a bigint). */
export const NUMERIC_ID = /^\d{1,18}$/;

/** `2026-11-22`, or a time with seconds optional and a zone: `2026-11-22T10:00:00Z`, `…+01:00`. */
const ISO_TIME =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;

export function isIsoTime(value: unknown): boolean {
  return typeof value === 'string' && ISO_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

/** An optional ISO 8601 time with a zone (a bare date is midnight UTC). */
export function IsoTimeField(options: { description?: string; required?: boolean } = {}) {
  const { required = false, description } = options;
  const checks = [
    ValidateBy({
      name: 'isIsoTime',
      validator: {
        validate: isIsoTime,
        defaultMessage: (args) =>
          `${args?.property ?? 'time'} must be an ISO 8601 time with a zone, e.g. 2026-11-22T10:00:00Z (or a date, 2026-11-22)`,
      },
    }),
  ];
  return applyDecorators(
    ApiProperty({
      type: 'string',
      format: 'date-time',
      example: '2026-11-22T10:00:00Z',
      description,
      required,
    }),
    ...(required ? checks : [IsOptional(), ...checks]),
  );
}

/** An optional Twitch user id (digits). */
export function TwitchIdField(field: string, description: string) {
  return applyDecorators(
    ApiPropertyOptional({ description, example: '100001' }),
    IsOptional(),
    Matches(NUMERIC_ID, { message: `${field} must be a Twitch user id: 1 to 18 digits` }),
  );
}

/** An optional channel id (Integron's, as `GET /api/channels` lists them). */
export function ChannelIdField(
  description = "Integron's id of the channel (see GET /api/channels).",
) {
  return applyDecorators(
    ApiPropertyOptional({ description, example: '1' }),
    IsOptional(),
    Matches(NUMERIC_ID, {
      message: "channelId must be a channel's numeric id, as GET /api/channels lists them",
    }),
  );
}

/** An optional whole number from the query string, within `[min, max]`. */
export function IntField(
  field: string,
  min: number,
  max: number,
  options: ApiPropertyOptions & { maxMessage?: string } = {},
) {
  const { maxMessage, ...api } = options;
  const range = `${field} must be a whole number from ${min} to ${max}`;
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: min, maximum: max, ...api }),
    IsOptional(),
    Type(() => Number),
    IsInt({ message: range }),
    Min(min, { message: range }),
    Max(max, { message: maxMessage ?? range }),
  );
}

/** An optional `true`/`false` from the query string. */
export function BooleanField(field: string, options: ApiPropertyOptions = {}) {
  return applyDecorators(
    ApiPropertyOptional({ type: 'boolean', ...options }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) =>
      value === 'true' ? true : value === 'false' ? false : value,
    ),
    IsBoolean({ message: `${field} must be true or false` }),
  );
}
