import { type OverlaySession, roleAtLeast } from '@integron/contracts';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { assertUnreachable } from '../common/assert-unreachable.js';
import { ApiError } from '../http/api-error.js';
import { AUTH_POLICY, type AuthPolicy, DEFAULT_POLICY } from './auth-policy.js';
import { OverlayKeysService } from './overlay-keys/overlay-keys.service.js';
import { OverlayPreviews } from './overlay-keys/overlay-previews.js';
import { type AuthenticatedRequest } from './request-context.js';
import { passesCsrfCheck } from './session/csrf.js';
import { TeamService } from './team/team.service.js';

export const OVERLAY_KEY_HEADER = 'x-overlay-key';

/**
 * Every HTTP route passes here: its declared policy (`@Public`, `@RequireRole`, `@OverlayKeyAuth`,
 * or by default any team member) decides. A route nobody thought about is members-only.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly team: TeamService,
    private readonly overlayKeys: OverlayKeysService,
    private readonly previews: OverlayPreviews,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // gateways authenticate in handleConnection
    const policy =
      this.reflector.getAllAndOverride<AuthPolicy | undefined>(AUTH_POLICY, [
        context.getHandler(),
        context.getClass(),
      ]) ?? DEFAULT_POLICY;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    switch (policy.kind) {
      case 'public':
        return true;
      case 'overlay-key':
        request.overlay = (await this.overlaySession(request)) ?? undefined;
        if (!request.overlay)
          throw new ApiError(
            'UNAUTHORIZED',
            'This needs a valid overlay key (?key= or X-Overlay-Key), or an admin signed in for ?preview=<channel id>.',
          );
        return true;
      case 'member': {
        const memberId = request.session?.memberId;
        const member = memberId ? await this.team.sessionMember(memberId) : null;
        if (!member) throw new ApiError('UNAUTHORIZED', 'Sign in first.');
        if (!passesCsrfCheck(request)) {
          throw new ApiError(
            'FORBIDDEN',
            'Missing or wrong CSRF token: send the XSRF-TOKEN cookie back in the X-XSRF-TOKEN header.',
          );
        }
        if (!roleAtLeast(member.role, policy.minRole)) {
          throw new ApiError(
            'FORBIDDEN',
            `This needs the ${policy.minRole} role; you are ${member.role}.`,
          );
        }
        request.member = member;
        return true;
      }
      default:
        return assertUnreachable(policy);
    }
  }

  /** An OBS source's key; without one, a signed-in admin's preview of a channel. */
  private async overlaySession(request: AuthenticatedRequest): Promise<OverlaySession | null> {
    const key = request.get(OVERLAY_KEY_HEADER) ?? request.query.key;
    if (key !== undefined)
      return typeof key === 'string' ? this.overlayKeys.authenticate(key) : null;
    const memberId = request.session?.memberId;
    const member = memberId ? await this.team.sessionMember(memberId) : null;
    return this.previews.sessionFor(member, request.query.preview);
  }
}
