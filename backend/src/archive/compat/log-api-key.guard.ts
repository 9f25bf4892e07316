import { LOG_API_KEY_HEADER } from '@integron/contracts';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { type Request } from 'express';
import { ArchiveSettingsService } from '../settings/archive-settings.service.js';
import { LogApiError } from './log-api-error.js';
import { firstValue } from './log-dialect.js';

/**
 * The log APIs are public reads, as the peers' are, unless the admin made them need the log API
 * key: then it must come as `?key=` or in the `X-Log-Key` header (401 without, 403 when wrong),
 * refused in the format of the API asked.
 */
@Injectable()
export class LogApiKeyGuard implements CanActivate {
  constructor(private readonly settings: ArchiveSettingsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const key = [request.get(LOG_API_KEY_HEADER), firstValue(request.query.key)].find(
      (value) => value !== undefined && value !== '',
    );
    if (await this.settings.mayReadLogs(key)) return true;
    throw key === undefined
      ? new LogApiError(
          'key_required',
          `A log API key is needed to read these logs: send it as ?key= or in the ${LOG_API_KEY_HEADER} header (the team's admin issues it).`,
        )
      : new LogApiError(
          'key_rejected',
          "That log API key is not valid: ask the team's admin for the current log API key.",
        );
  }
}
