import { EXPORT_ROWS_HEADER } from '@integron/contracts';
import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { type Response } from 'express';
import { RequireRole } from '../../auth/auth-policy.js';
import { ExportQueryDto } from './dto/export.dto.js';
import { MessageExportService } from './message-export.service.js';

@ApiTags('archive')
@Controller('api/exports')
export class ExportsController {
  constructor(private readonly exports: MessageExportService) {}

  @Get('messages')
  @RequireRole('moderator')
  @ApiOperation({
    summary:
      "A channel's or a chatter's messages over up to 366 days, oldest first, streamed as a download. CSV: a header row, RFC 4180 quoting, CRLF; text a spreadsheet would run as a formula starts with an apostrophe. NDJSON: one ArchivedMessage per line, exact.",
  })
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiOkResponse({
    description: 'The file.',
    headers: {
      [EXPORT_ROWS_HEADER]: {
        description: 'How many rows follow, for a progress bar.',
        schema: { type: 'integer' },
      },
      'Content-Disposition': {
        description: 'attachment; filename="integron-<channel>-<since>-<until>.<format>"',
        schema: { type: 'string' },
      },
    },
  })
  @ApiNotFoundResponse({ description: 'No channel with that id.' })
  messages(@Query() query: ExportQueryDto, @Res() response: Response): Promise<void> {
    return this.exports.stream(query, response);
  }
}
