import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';

import { describeHttpError } from './api-error.util';

/** Why a page could not load its data; `forbidden` pages show the no-access state instead. */
export interface LoadError {
  message: string;
  forbidden: boolean;
}

/** What a page knows about the data it shows: its loading, error and (possibly empty) states. */
export type LoadState<T> =
  { status: 'loading' } | { status: 'loaded'; value: T } | { status: 'failed'; error: LoadError };

export const LOADING: LoadState<never> = { status: 'loading' };

export function loaded<T>(value: T): LoadState<T> {
  return { status: 'loaded', value };
}

export function failed(error: unknown): LoadState<never> {
  return { status: 'failed', error: toLoadError(error) };
}

export function toLoadError(error: unknown): LoadError {
  return {
    message: describeHttpError(error),
    forbidden:
      error instanceof HttpErrorResponse && error.status === (HttpStatusCode.Forbidden as number),
  };
}

/** The value of a loaded state, else `null`. */
export function loadedValue<T>(state: LoadState<T>): T | null {
  return state.status === 'loaded' ? state.value : null;
}
