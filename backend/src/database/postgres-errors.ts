import { QueryFailedError } from 'typeorm';

const UNIQUE_VIOLATION = '23505';

/** A write refused by a unique constraint, e.g. a row someone else inserted a moment earlier. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as Error & { code?: string }).code === UNIQUE_VIOLATION
  );
}
