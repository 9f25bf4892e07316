import { type OverlaySession, type SessionMember } from '@integron/contracts';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type Request } from 'express';

/** What the auth guard learned about the caller, kept on the request. */
export interface AuthenticatedRequest extends Request {
  member?: SessionMember;
  overlay?: OverlaySession;
}

/** The signed-in member (routes with a `member` policy). */
export const CurrentMember = createParamDecorator(
  (_: unknown, context: ExecutionContext): SessionMember => {
    const member = context.switchToHttp().getRequest<AuthenticatedRequest>().member;
    if (!member) throw new Error('CurrentMember used on a route without a member policy');
    return member;
  },
);

/** The overlay key's channel (routes with an `overlay-key` policy). */
export const CurrentOverlay = createParamDecorator(
  (_: unknown, context: ExecutionContext): OverlaySession => {
    const overlay = context.switchToHttp().getRequest<AuthenticatedRequest>().overlay;
    if (!overlay) throw new Error('CurrentOverlay used on a route without an overlay-key policy');
    return overlay;
  },
);
