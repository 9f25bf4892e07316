import {
  Injectable,
  Logger,
  type NestMiddleware,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type connectPgSimple from 'connect-pg-simple';
import { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import session from 'express-session';
import { AppConfig } from '../../config/app-config.js';
import { DatabaseTarget } from '../../database/database-target.js';
import { ApiError } from '../../http/api-error.js';
import { SESSION_COOKIE } from '../auth-policy.js';
import { deriveKey } from '../secrets/secret-box.js';
import { EncryptionKey } from '../secrets/encryption-key.js';
import './session-data.js';
import { createSessionStore } from './session-store.js';

const PRUNE_EVERY_SECONDS = 15 * 60;
const TOUCH_AT_MOST_EVERY_MS = 15 * 60_000;

/**
 * Sessions in an HTTP-only, SameSite cookie, stored in Postgres (so every replica knows them and a
 * removed member's sessions can be deleted). Anonymous visitors get no cookie and no row.
 */
@Injectable()
export class SessionMiddleware implements NestMiddleware, OnApplicationShutdown {
  private readonly logger = new Logger('Sessions');
  private readonly store: connectPgSimple.PGStore;
  private readonly handler: RequestHandler;

  constructor(config: AppConfig, key: EncryptionKey, database: DatabaseTarget) {
    const ttlMs = config.auth.sessionTtlHours * 3_600_000;
    this.store = createSessionStore(
      {
        conString: database.url,
        tableName: 'sessions',
        createTableIfMissing: false,
        pruneSessionInterval: PRUNE_EVERY_SECONDS,
        errorLog: (...args: unknown[]) => this.logger.error(args.map(String).join(' ')),
      },
      Math.min(TOUCH_AT_MOST_EVERY_MS, ttlMs / 20),
    );
    this.handler = session({
      name: SESSION_COOKIE,
      secret: deriveKey(key.value, 'session-cookie').toString('base64'),
      store: this.store,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: {
        httpOnly: true,
        sameSite: 'lax', // sent on the top-level redirect back from Twitch, not on cross-site posts
        secure: config.http.publicUrl.startsWith('https:'),
        maxAge: ttlMs,
      },
    });
  }

  use(req: Request, res: Response, next: NextFunction): void {
    this.handler(req, res, (error?: unknown) => {
      if (error === undefined) return next();
      this.logger.error(
        `Session store failed: ${error instanceof Error ? error.message : 'unknown error'}`,
      );
      next(
        new ApiError(
          'SERVICE_UNAVAILABLE',
          'Sessions cannot be checked because the database is unreachable. Try again once /api/health/ready says it is back.',
        ),
      );
    });
  }

  onApplicationShutdown(): void {
    this.store.close();
  }
}
