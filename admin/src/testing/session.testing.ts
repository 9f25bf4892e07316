import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type SessionMember } from '@integron/contracts';

import { AUTH_ME_URL, SessionService } from '../app/core/session.service';

/** Loads the session as the server would answer `/api/auth/me` for `member`. */
export async function signInAs(member: SessionMember): Promise<void> {
  const answer = TestBed.inject(SessionService).refresh();
  TestBed.inject(HttpTestingController).expectOne(AUTH_ME_URL).flush(member);
  await answer;
}

/** Loads the session as the server answers for someone without one. */
export async function signedOut(): Promise<void> {
  const answer = TestBed.inject(SessionService).refresh();
  TestBed.inject(HttpTestingController)
    .expectOne(AUTH_ME_URL)
    .flush(
      { statusCode: 401, code: 'UNAUTHORIZED', message: 'Sign in first.' },
      { status: 401, statusText: 'Unauthorized' },
    );
  await answer;
}
