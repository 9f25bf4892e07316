import { type ApiErrorCode } from '@integron/contracts';
import { describe, expect, it } from 'vitest';
import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { type Request } from 'express';
import { ApiError, codeForStatus, httpStatusFor } from './api-error.js';
import { toApiErrorBody } from './api-exception.filter.js';

const request = { method: 'GET', path: '/api/nope' } as Request;

describe(httpStatusFor.name, () => {
  it.each<[ApiErrorCode, number]>([
    ['BAD_REQUEST', 400],
    ['VALIDATION_FAILED', 400],
    ['UNAUTHORIZED', 401],
    ['FORBIDDEN', 403],
    ['NOT_FOUND', 404],
    ['CONFLICT', 409],
    ['PAYLOAD_TOO_LARGE', 413],
    ['RATE_LIMITED', 429],
    ['INTERNAL_ERROR', 500],
    ['SERVICE_UNAVAILABLE', 503],
  ])('maps %s to %i and back', (code, status) => {
    expect(httpStatusFor(code)).toBe(status);
    if (code !== 'VALIDATION_FAILED') expect(codeForStatus(status)).toBe(code);
  });
});

describe(toApiErrorBody.name, () => {
  it('renders a domain error with its code and details', () => {
    const details = [{ field: 'login', message: 'login must be a string' }];

    expect(
      toApiErrorBody(new ApiError('VALIDATION_FAILED', 'Invalid request.', details), request),
    ).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid request.',
      details,
    });
  });

  it('explains a route that does not exist', () => {
    expect(toApiErrorBody(new NotFoundException('Cannot GET /api/nope'), request)).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'No route GET /api/nope. See /api/docs for the API.',
    });
  });

  it('keeps the message of framework exceptions', () => {
    expect(toApiErrorBody(new BadRequestException('Missing channel'), request)).toMatchObject({
      statusCode: 400,
      code: 'BAD_REQUEST',
      message: 'Missing channel',
    });
    expect(toApiErrorBody(new PayloadTooLargeException(), request).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('hides the details of unexpected errors', () => {
    const body = toApiErrorBody(new Error('connection string postgres://x:secret@db'), request);

    expect(body).toMatchObject({ statusCode: 500, code: 'INTERNAL_ERROR' });
    expect(body.message).not.toContain('secret');
  });
});
