import { HttpClient, HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import {
  PUBLIC_ADMIN_PATHS,
  type SessionMember,
  type TeamRole,
  roleAtLeast,
} from '@integron/contracts';
import { catchError, firstValueFrom, map, of, timeout } from 'rxjs';

import { describeHttpError } from './api-error.util';

export const AUTH_ME_URL = '/api/auth/me';
export const AUTH_LOGOUT_URL = '/api/auth/logout';
/** Full-page navigation target: the backend sends the browser to Twitch and back. */
export const SIGN_IN_URL = '/api/auth/twitch';
export const SIGN_IN_PAGE = `/${PUBLIC_ADMIN_PATHS.signIn}`;

/** A session check still waiting after this long counts as "server unavailable". */
const SESSION_CHECK_TIMEOUT_MS = 10_000;

export type SessionState =
  | { kind: 'unknown' }
  | { kind: 'signed_in'; member: SessionMember }
  | { kind: 'anonymous' }
  /** The server could not say who is signed in (down, 5xx); checked again on the next navigation. */
  | { kind: 'unavailable'; reason: string };

/** Who is signed in. Loaded once at start-up; guards, sidenav and pages read it from here. */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly current = signal<SessionState>({ kind: 'unknown' });
  private pending: Promise<SessionState> | null = null;

  readonly state = this.current.asReadonly();
  readonly member = computed(() => {
    const state = this.current();
    return state.kind === 'signed_in' ? state.member : null;
  });

  /** True when someone is signed in with at least `minRole`. */
  hasRole(minRole: TeamRole): boolean {
    const member = this.member();
    return member !== null && roleAtLeast(member.role, minRole);
  }

  /** Asks the server unless it has already answered (or is answering right now). */
  ensureLoaded(): Promise<SessionState> {
    const state = this.current();
    if (state.kind === 'signed_in' || state.kind === 'anonymous') {
      return Promise.resolve(state);
    }
    return this.refresh();
  }

  /** Asks the server who is signed in, e.g. after the API refused something. */
  refresh(): Promise<SessionState> {
    this.pending ??= firstValueFrom(
      this.http.get<SessionMember>(AUTH_ME_URL).pipe(
        timeout(SESSION_CHECK_TIMEOUT_MS),
        map((member): SessionState => ({ kind: 'signed_in', member })),
        catchError((error: unknown) =>
          of<SessionState>(
            isUnauthorized(error)
              ? { kind: 'anonymous' }
              : { kind: 'unavailable', reason: describeHttpError(error) },
          ),
        ),
      ),
    ).then((next) => {
      this.pending = null;
      const previous = this.current();
      if (previous.kind === 'signed_in' && next.kind === 'unavailable') {
        // A check that got no answer does not end a session the server confirmed before.
        return previous;
      }
      const previousRole = previous.kind === 'signed_in' ? previous.member.role : undefined;
      this.current.set(next);
      if (previousRole !== undefined && next.kind === 'anonymous') {
        void this.router.navigateByUrl(SIGN_IN_PAGE);
      } else if (
        previousRole !== undefined &&
        next.kind === 'signed_in' &&
        next.member.role !== previousRole
      ) {
        // Match the current URL again, so a page the new role may not open shows "no access".
        void this.router.navigateByUrl(this.router.url, { onSameUrlNavigation: 'reload' });
      }
      return next;
    });
    return this.pending;
  }

  /** The API said the session is gone (expired, member removed): forget it and ask to sign in. */
  expire(): void {
    this.current.set({ kind: 'anonymous' });
    void this.router.navigateByUrl(SIGN_IN_PAGE);
  }

  /** Ends the session on the server, then shows the sign-in page. */
  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>(AUTH_LOGOUT_URL, null));
    } catch (error: unknown) {
      if (!isUnauthorized(error)) {
        throw error;
      }
      // Already signed out on the server: nothing left to end.
    }
    this.expire();
  }
}

export function isUnauthorized(error: unknown): boolean {
  return (
    error instanceof HttpErrorResponse && error.status === (HttpStatusCode.Unauthorized as number)
  );
}
