import { type DatabaseCheck } from '@integron/contracts';

/** The Postgres this process uses, decided before Nest boots. */
export class DatabaseTarget {
  constructor(
    readonly url: string,
    readonly kind: DatabaseCheck['kind'],
  ) {}
}
