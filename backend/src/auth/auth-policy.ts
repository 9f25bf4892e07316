import { type TeamRole } from '@integron/contracts';
import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiQuery,
  ApiSecurity,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

/** Who may call a route. Every route has exactly one; without a decorator it is `member` (any role). */
export type AuthPolicy =
  { kind: 'public' } | { kind: 'member'; minRole: TeamRole } | { kind: 'overlay-key' };

export const AUTH_POLICY = 'integron:auth-policy';
export const DEFAULT_POLICY: AuthPolicy = { kind: 'member', minRole: 'moderator' };
export const SESSION_COOKIE = 'integron.sid';

/** Anyone, signed in or not (health, sign-in, webhooks with their own verification). */
export const Public = () => SetMetadata(AUTH_POLICY, { kind: 'public' } satisfies AuthPolicy);

/** A signed-in team member with at least `minRole`; mutations also need the CSRF header. */
export const RequireRole = (minRole: TeamRole) =>
  applyDecorators(
    SetMetadata(AUTH_POLICY, { kind: 'member', minRole } satisfies AuthPolicy),
    ApiCookieAuth(SESSION_COOKIE),
    ApiUnauthorizedResponse({ description: 'Not signed in.' }),
    ApiForbiddenResponse({ description: `Needs the ${minRole} role (or a valid CSRF header).` }),
  );

/**
 * An overlay page: an overlay key (`?key=` or `X-Overlay-Key`) grants its one channel; without a
 * key, `?preview=<channel id>` grants a signed-in admin's preview of it. Reads only (GET).
 */
export const OverlayKeyAuth = () =>
  applyDecorators(
    SetMetadata(AUTH_POLICY, { kind: 'overlay-key' } satisfies AuthPolicy),
    ApiSecurity('overlay-key'),
    ApiQuery({
      name: 'key',
      required: false,
      description: 'Overlay key (or the X-Overlay-Key header).',
    }),
    ApiQuery({
      name: 'preview',
      required: false,
      description: 'Without a key: the channel (Integron id) a signed-in admin previews.',
    }),
    ApiUnauthorizedResponse({ description: 'Missing or unknown overlay key.' }),
  );
