import { HttpErrorResponse } from '@angular/common/http';
import { type ApiErrorBody } from '@integron/contracts';
import { TimeoutError } from 'rxjs';

import { apiErrorMessage, describeHttpError, isApiErrorBody } from './api-error.util';

const VALIDATION_FAILED: ApiErrorBody = {
  statusCode: 400,
  code: 'VALIDATION_FAILED',
  message: 'Validation failed',
  details: [
    { field: 'channels.0.login', message: 'must be lowercase' },
    { field: 'webhookUrl', message: 'must be a URL' },
  ],
};

describe('api-error.util', () => {
  describe(isApiErrorBody.name, () => {
    it('accepts an API error body and rejects other shapes', () => {
      expect(isApiErrorBody(VALIDATION_FAILED)).toBe(true);
      expect(isApiErrorBody({ message: 'no code' })).toBe(false);
      expect(isApiErrorBody('Internal Server Error')).toBe(false);
      expect(isApiErrorBody(null)).toBe(false);
    });
  });

  describe(apiErrorMessage.name, () => {
    it('lists the offending fields after the message', () => {
      expect(apiErrorMessage(VALIDATION_FAILED)).toBe(
        'Validation failed (channels.0.login: must be lowercase; webhookUrl: must be a URL).',
      );
    });

    it('ends a plain message with exactly one full stop', () => {
      expect(
        apiErrorMessage({ statusCode: 404, code: 'NOT_FOUND', message: 'No such team.' }),
      ).toBe('No such team.');
    });
  });

  describe(describeHttpError.name, () => {
    it('uses the message of an API error body', () => {
      const sut = new HttpErrorResponse({ status: 409, error: VALIDATION_FAILED });
      expect(describeHttpError(sut)).toContain('channels.0.login: must be lowercase');
    });

    it('says there was no answer for a network failure', () => {
      const sut = new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') });
      expect(describeHttpError(sut)).toMatch(/^No answer from the server/);
    });

    it('names the status when the body is not an API error', () => {
      const sut = new HttpErrorResponse({
        status: 502,
        statusText: 'Bad Gateway',
        error: '<html>',
      });
      expect(describeHttpError(sut)).toBe('The server answered with HTTP 502 Bad Gateway.');
    });

    it('explains a timeout', () => {
      expect(describeHttpError(new TimeoutError())).toBe('The server did not answer in time.');
    });
  });
});
