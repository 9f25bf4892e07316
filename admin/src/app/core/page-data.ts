import { DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type Observable, Subject, catchError, map, of, switchMap } from 'rxjs';

import { LOADING, type LoadState, failed, loaded, loadedValue } from './load-state';

/**
 * Data a page shows from the API. `load` shows the loading state and asks `source`; `reload` asks
 * the same source again while the page keeps showing what it has; `update` applies a change the
 * server has confirmed without asking again. Starting a load drops the one under way, and
 * everything stops with the component that created it.
 */
export class PageData<T> {
  private readonly current = signal<LoadState<T>>(LOADING);
  private readonly refreshing = signal(false);
  private readonly loads = new Subject<Observable<T>>();
  private source: Observable<T> | null = null;

  readonly state = this.current.asReadonly();
  readonly value = computed(() => loadedValue(this.current()));
  readonly error = computed(() => {
    const state = this.current();
    return state.status === 'failed' ? state.error : null;
  });
  /** True while the server is being asked: drives the page's progress bar. */
  readonly busy = computed(() => this.current().status === 'loading' || this.refreshing());

  constructor(destroyRef: DestroyRef) {
    this.loads
      .pipe(
        switchMap((source) =>
          source.pipe(
            map((value) => loaded(value)),
            catchError((error: unknown) => of(failed(error))),
          ),
        ),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((next) => {
        this.refreshing.set(false);
        this.current.set(next);
      });
  }

  load(source: Observable<T>): void {
    this.source = source;
    this.refreshing.set(false);
    this.current.set(LOADING);
    this.loads.next(source);
  }

  /** Asks the last source again; what is shown stays until the answer arrives. */
  reload(): void {
    if (this.source === null) {
      return;
    }
    if (this.current().status === 'loaded') {
      this.refreshing.set(true);
    } else {
      this.current.set(LOADING);
    }
    this.loads.next(this.source);
  }

  update(change: (value: T) => T): void {
    const state = this.current();
    if (state.status === 'loaded') {
      this.current.set(loaded(change(state.value)));
    }
  }
}

/** Page data owned by the calling component; starts loading `source` at once when given. */
export function pageData<T>(source?: Observable<T>): PageData<T> {
  const data = new PageData<T>(inject(DestroyRef));
  if (source) {
    data.load(source);
  }
  return data;
}
