import 'express-session';

declare module 'express-session' {
  interface SessionData {
    /** The signed-in team member. */
    memberId: string;
    /** Echoed by cookie-authenticated mutations in the CSRF header. */
    csrfToken: string;
    /** Where the connect-an-account flow started, and for what. */
    connect: { purpose: 'broadcaster' | 'bot' };
  }
}
