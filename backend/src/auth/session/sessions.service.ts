import { CSRF_COOKIE, type SessionMember } from '@integron/contracts';
import { Injectable } from '@nestjs/common';
import { type Request, type Response } from 'express';
import { AppConfig } from '../../config/app-config.js';
import { SESSION_COOKIE } from '../auth-policy.js';
import { issueCsrfCookie } from './csrf.js';

/** Starting and ending sign-in sessions. */
@Injectable()
export class SessionsService {
  private readonly secureCookies: boolean;

  constructor(config: AppConfig) {
    this.secureCookies = config.http.publicUrl.startsWith('https:');
  }

  /** A fresh session id for the new member (no fixation), with its CSRF token. */
  async start(request: Request, response: Response, member: SessionMember): Promise<void> {
    await new Promise<void>((done, fail) =>
      request.session.regenerate((error?: Error) => (error ? fail(error) : done())),
    );
    request.session.memberId = member.id;
    issueCsrfCookie(request, response, this.secureCookies);
    await new Promise<void>((done, fail) =>
      request.session.save((error?: Error) => (error ? fail(error) : done())),
    );
  }

  refreshCsrfCookie(request: Request, response: Response): void {
    issueCsrfCookie(request, response, this.secureCookies);
  }

  async end(request: Request, response: Response): Promise<void> {
    await new Promise<void>((done, fail) =>
      request.session.destroy((error?: Error) => (error ? fail(error) : done())),
    );
    response.clearCookie(SESSION_COOKIE);
    response.clearCookie(CSRF_COOKIE);
  }
}
