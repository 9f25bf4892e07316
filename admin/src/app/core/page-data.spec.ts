import { Injector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type Observable, Subject, defer } from 'rxjs';

import { type PageData, pageData } from './page-data';

describe('pageData', () => {
  /** One pending answer per time the source was asked, like an HTTP call. */
  let answers: Subject<string[]>[];
  let server: Observable<string[]>;
  let sut: PageData<string[]>;

  beforeEach(() => {
    answers = [];
    server = defer(() => {
      const answer = new Subject<string[]>();
      answers.push(answer);
      return answer;
    });
    sut = runInInjectionContext(TestBed.inject(Injector), () => pageData<string[]>());
  });

  it('is loading, then shows the answer', () => {
    sut.load(server);
    expect(sut.state()).toEqual({ status: 'loading' });
    expect(sut.busy()).toBe(true);

    answers[0]?.next(['a']);

    expect(sut.value()).toEqual(['a']);
    expect(sut.busy()).toBe(false);
  });

  it('turns a failure into a readable error', () => {
    sut.load(server);

    answers[0]?.error(new Error('boom'));

    expect(sut.error()).toEqual({ message: 'boom', forbidden: false });
    expect(sut.value()).toBeNull();
  });

  it('asks again on reload, showing what it has until the answer arrives', () => {
    sut.load(server);
    answers[0]?.next(['a']);

    sut.reload();

    expect(answers).toHaveLength(2);
    expect(sut.value()).toEqual(['a']);
    expect(sut.busy()).toBe(true);
    answers[1]?.next(['a', 'b']);
    expect(sut.value()).toEqual(['a', 'b']);
    expect(sut.busy()).toBe(false);
  });

  it('shows the loading state when reloading after a failure', () => {
    sut.load(server);
    answers[0]?.error(new Error('boom'));

    sut.reload();

    expect(sut.state()).toEqual({ status: 'loading' });
  });

  it('drops the answer of a load that another load replaced', () => {
    sut.load(server);
    sut.load(server);

    answers[0]?.next(['stale']);
    expect(sut.state()).toEqual({ status: 'loading' });
    answers[1]?.next(['fresh']);

    expect(sut.value()).toEqual(['fresh']);
  });

  it('applies a confirmed change only to loaded data', () => {
    sut.load(server);
    sut.update((values) => [...values, 'b']);
    expect(sut.state()).toEqual({ status: 'loading' });

    answers[0]?.next(['a']);
    sut.update((values) => [...values, 'b']);

    expect(sut.value()).toEqual(['a', 'b']);
  });
});
