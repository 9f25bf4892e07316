import { LOG_API_KEY_HEADER } from '@integron/contracts';
import {
  type CorsOptions,
  type CorsOptionsDelegate,
} from '@nestjs/common/interfaces/external/cors-options.interface.js';
import { type Request } from 'express';

/** The log APIs' paths: justlog/rustlog at the root, recent-messages v2 under `/api/v2`. */
const LOG_API_PATH =
  /^\/(?:(?:channels|list)\/?$|channel\/|channelid\/|api\/v2\/recent-messages\/)/;

export function isLogApiPath(path: string): boolean {
  return LOG_API_PATH.test(path);
}

/** justlog's preflight answer (200, `GET`), with the log API key header allowed. */
export const LOG_API_CORS: CorsOptions = {
  origin: '*',
  methods: 'GET',
  allowedHeaders: [
    'Accept',
    'Content-Type',
    'Content-Length',
    'Accept-Encoding',
    'X-CSRF-Token',
    'Authorization',
    LOG_API_KEY_HEADER,
  ],
  optionsSuccessStatus: 200,
};

/**
 * CORS for the whole app: the admin's own options, except on the log APIs, which any origin
 * may read without credentials, preflight (OPTIONS) included. For `app.enableCors(...)`: the
 * CORS middleware runs before any route, so only it can answer a log API's OPTIONS request.
 */
export function logApiAwareCors(admin: CorsOptions): CorsOptionsDelegate<Request> {
  return (request, callback) => callback(null, isLogApiPath(request.path) ? LOG_API_CORS : admin);
}
