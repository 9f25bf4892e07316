import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { type ApiErrorBody, type FieldError } from '@integron/contracts';
import { TimeoutError } from 'rxjs';

/** True when `value` has the shape every Integron API error body has. */
export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const body = value as Record<string, unknown>;
  return (
    typeof body['statusCode'] === 'number' &&
    typeof body['code'] === 'string' &&
    typeof body['message'] === 'string'
  );
}

function isFieldErrorList(details: ApiErrorBody['details']): details is FieldError[] {
  return (
    Array.isArray(details) &&
    details.every(
      (item: unknown) =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as Record<string, unknown>)['field'] === 'string' &&
        typeof (item as Record<string, unknown>)['message'] === 'string',
    )
  );
}

/** A sentence a person can act on, e.g. `Validation failed (channels.0.login: too long).` */
export function apiErrorMessage(body: ApiErrorBody): string {
  const message = body.message.trim().replace(/[.!]$/, '');
  if (isFieldErrorList(body.details) && body.details.length > 0) {
    const fields = body.details.map((detail) => `${detail.field}: ${detail.message}`).join('; ');
    return `${message} (${fields}).`;
  }
  return `${message}.`;
}

/** The field errors an HTTP call was refused with; empty for any other failure. */
export function fieldErrorsOf(error: unknown): FieldError[] {
  if (!(error instanceof HttpErrorResponse) || !isApiErrorBody(error.error)) {
    return [];
  }
  return isFieldErrorList(error.error.details) ? error.error.details : [];
}

export const NO_ACCESS_MESSAGE = "You don't have access to this.";
export const SESSION_ENDED_MESSAGE = 'Your session has ended: sign in again.';

/** Turns whatever an HTTP call failed with into one readable sentence. */
export function describeHttpError(error: unknown): string {
  if (error instanceof TimeoutError) {
    return 'The server did not answer in time.';
  }
  if (error instanceof HttpErrorResponse) {
    if (error.status === 0) {
      return 'No answer from the server: it may be stopped or the network is down.';
    }
    if (isApiErrorBody(error.error)) {
      return apiErrorMessage(error.error);
    }
    if (error.status === (HttpStatusCode.Forbidden as number)) {
      return NO_ACCESS_MESSAGE;
    }
    if (error.status === (HttpStatusCode.Unauthorized as number)) {
      return SESSION_ENDED_MESSAGE;
    }
    const statusText = error.statusText && error.statusText !== 'OK' ? ` ${error.statusText}` : '';
    return `The server answered with HTTP ${error.status}${statusText}.`;
  }
  if (error instanceof Error && error.message) {
    return error.message;
  }
  return 'Something unexpected went wrong.';
}
