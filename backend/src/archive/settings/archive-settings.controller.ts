import { type ArchiveSettings, type IssuedLogApiKey } from '@integron/contracts';
import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequireRole } from '../../auth/auth-policy.js';
import {
  ArchiveSettingsDto,
  IssuedLogApiKeyDto,
  UpdateArchiveSettingsDto,
} from '../queries/dto/archive-settings.dto.js';
import { ArchiveSettingsService } from './archive-settings.service.js';

@ApiTags('archive')
@Controller('api/archive/settings')
export class ArchiveSettingsController {
  constructor(private readonly settings: ArchiveSettingsService) {}

  @Get()
  @RequireRole('moderator')
  @ApiOperation({ summary: "The archive's retention and who may read the log APIs." })
  @ApiOkResponse({ type: ArchiveSettingsDto })
  get(): Promise<ArchiveSettings> {
    return this.settings.get();
  }

  @Put()
  @RequireRole('admin')
  @ApiOperation({
    summary:
      'Sets the retention (months older than it are dropped, at once) and whether the log APIs need the key.',
  })
  @ApiOkResponse({ type: ArchiveSettingsDto })
  @ApiConflictResponse({ description: 'Access by key needs a key issued first.' })
  update(@Body() body: UpdateArchiveSettingsDto): Promise<ArchiveSettings> {
    return this.settings.update(body);
  }

  @Post('log-api-key')
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Issues a new log API key, shown this once; the previous one stops working.',
  })
  @ApiCreatedResponse({ type: IssuedLogApiKeyDto })
  issueLogApiKey(): Promise<IssuedLogApiKey> {
    return this.settings.issueLogApiKey();
  }
}
