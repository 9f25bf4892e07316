import { pino } from 'pino';

/** Test logs stay out of the test output unless TEST_LOG_LEVEL asks for them. */
export const quietLogger = () => pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
