import { pino, type Logger } from 'pino';
import { type LogLevel } from '../config/app-config.js';

/** Paths that may carry credentials; pino replaces their values before a line is written. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-xsrf-token"]',
  'req.headers["x-overlay-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.secret',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.clientSecret',
];

/** The one pino instance; Nest's logger and everything before Nest boots write through it. */
export function createRootLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'integron' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  });
}
