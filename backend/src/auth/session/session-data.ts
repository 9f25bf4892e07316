import { type TwitchAccountPurpose } from '@integron/contracts';
import 'express-session';

declare module 'express-session' {
  interface SessionData {
    /** The signed-in team member. */
    memberId: string;
    /** Echoed by cookie-authenticated mutations in the CSRF header. */
    csrfToken: string;
    /** An account connection waiting for Twitch's redirect back: what for, and its OAuth state. */
    connect: { purpose: TwitchAccountPurpose; state: string };
  }
}
