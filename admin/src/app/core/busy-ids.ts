import { signal } from '@angular/core';
import { type Observable, defer, finalize } from 'rxjs';

/** Which rows have a request under way, so their buttons wait for it. */
export class BusyIds {
  private readonly ids = signal<ReadonlySet<string>>(new Set());

  has(id: string): boolean {
    return this.ids().has(id);
  }

  /** `request`, with `id` marked busy from subscription until it ends. */
  track<T>(id: string, request: Observable<T>): Observable<T> {
    return defer(() => {
      this.ids.update((ids) => new Set(ids).add(id));
      return request.pipe(
        finalize(() =>
          this.ids.update((ids) => {
            const next = new Set(ids);
            next.delete(id);
            return next;
          }),
        ),
      );
    });
  }
}
