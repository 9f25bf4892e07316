import { Logger } from '@nestjs/common';

// Code outside a running app logs through Nest's console logger; keep test output readable.
Logger.overrideLogger(process.env.TEST_LOG_LEVEL ? ['log', 'error', 'warn', 'debug'] : false);
