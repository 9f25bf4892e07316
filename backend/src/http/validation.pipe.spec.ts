import { describe, expect, it } from 'vitest';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, ValidateNested } from 'class-validator';
import { ApiError } from './api-error.js';
import { createValidationPipe } from './validation.pipe.js';

class ChannelDto {
  @IsString() @MaxLength(25) login!: string;
}

class CreateTargetDto {
  @IsInt() @Max(10) priority!: number;
  @ValidateNested({ each: true }) @Type(() => ChannelDto) channels!: ChannelDto[];
}

const metadata = { type: 'body' as const, metatype: CreateTargetDto };

async function rejectionOf(value: unknown): Promise<ApiError> {
  try {
    await createValidationPipe().transform(value, metadata);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the value to be refused');
}

describe(createValidationPipe.name, () => {
  it('names each offending field, nested ones by their path', async () => {
    const sut = await rejectionOf({ priority: 11, channels: [{ login: 'ok' }, { login: 42 }] });

    expect(sut.code).toBe('VALIDATION_FAILED');
    expect(sut.details).toEqual([
      { field: 'priority', message: 'priority must not be greater than 10' },
      {
        field: 'channels.1.login',
        message: 'channels.1.login must be shorter than or equal to 25 characters',
      },
      { field: 'channels.1.login', message: 'channels.1.login must be a string' },
    ]);
    expect(sut.message).toContain('priority must not be greater than 10');
  });

  it('refuses fields the endpoint does not know', async () => {
    const sut = await rejectionOf({ priority: 1, channels: [], isAdmin: true });

    expect(sut.details).toEqual([
      { field: 'isAdmin', message: 'property isAdmin should not exist' },
    ]);
  });

  it('passes a valid body through as an instance of the DTO', async () => {
    const sut: unknown = await createValidationPipe().transform(
      { priority: 3, channels: [{ login: 'a' }] },
      metadata,
    );

    expect(sut).toBeInstanceOf(CreateTargetDto);
  });
});
