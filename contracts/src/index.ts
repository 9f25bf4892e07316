export * from './admin-routes.js';
export * from './api-error.js';
export * from './auth.js';
export * from './channels.js';
export * from './health.js';
export * from './team.js';
export * from './twitch-accounts.js';
export * from './twitch-event.js';
