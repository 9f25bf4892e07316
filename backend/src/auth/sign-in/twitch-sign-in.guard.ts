import { type SignInError, type UserRef } from '@integron/contracts';
import { type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { type Request } from 'express';
import { describeTwitchError } from '../../twitch/twitch-errors.js';

export type SignInAttempt = { profile: UserRef } | { error: SignInError };

/**
 * Runs the Twitch OAuth dance. Instead of failing the request, it leaves the outcome on
 * `req.user` for the controller to turn into a redirect a person understands.
 */
@Injectable()
export class TwitchSignInGuard extends AuthGuard('twitch') {
  private readonly logger = new Logger('SignIn');

  override handleRequest<T = SignInAttempt>(
    error: unknown,
    profile: UserRef | false,
    info: unknown,
    context: ExecutionContext,
  ): T {
    if (profile) return { profile } as T;
    const request = context.switchToHttp().getRequest<Request>();
    const denied = request.query.error === 'access_denied';
    if (!denied) this.logger.warn(`Sign-in with Twitch failed: ${describe(error ?? info)}`);
    return { error: denied ? 'denied' : 'failed' } as T;
  }
}

/** Passport hands an Error (from Twitch: never logged beyond its name) or its own fixed `info`. */
function describe(reason: unknown): string {
  if (reason instanceof Error) return describeTwitchError(reason);
  const message = (reason as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : 'no reason given';
}
