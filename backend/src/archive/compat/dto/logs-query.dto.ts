import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsOptional, IsString, Matches } from 'class-validator';

/** Unix seconds (justlog) or RFC 3339 (rustlog). */
const LOG_TIME =
  /^(?:\d{1,12}|\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2}))$/;
const COUNT = /^\d{1,9}$/;
/** A login as typed (justlog lowercases it) or a Twitch id. */
export const LOG_LOGIN = /^[A-Za-z0-9_]{1,25}$/;
export const LOG_TWITCH_ID = /^\d{1,18}$/;

const flag = (description: string) =>
  ApiPropertyOptional({
    type: 'string',
    description: `${description} Presence is enough (\`?json\`); rustlog reads \`1\`, \`true\` or empty as on.`,
  });

/**
 * The query of the justlog/rustlog log routes. Flags are presence-based; parameters neither peer
 * knows are ignored, as both peers ignore them.
 */
export class LogsQueryDto {
  @flag('justlog/rustlog: `{"messages":[…]}` with every field.')
  @IsOptional()
  @Allow()
  json?: unknown;

  @flag('The IRC lines as received (rustlog: wins over every other format).')
  @IsOptional()
  @Allow()
  raw?: unknown;

  @flag('Newest first.')
  @IsOptional()
  @Allow()
  reverse?: unknown;

  @flag('rustlog: JSON with `text, displayName, timestamp, id, tags` only.')
  @IsOptional()
  @Allow()
  jsonBasic?: unknown;

  @flag('rustlog: one basic JSON message per CRLF-ended line (`application/x-ndjson`).')
  @IsOptional()
  @Allow()
  ndjson?: unknown;

  @ApiPropertyOptional({
    enum: ['json', 'raw', 'text'],
    description: 'justlog: the format by name.',
  })
  @IsOptional()
  @IsString()
  type?: string;

  @ApiPropertyOptional({
    description:
      'Start of a range on the routes without a date (with `to`): unix seconds (justlog, at most 24 h for a channel, 744 h for a user) or RFC 3339 (rustlog, any length, end excluded).',
    example: '2026-11-22T00:00:00Z',
  })
  @IsOptional()
  @Matches(LOG_TIME, { message: 'from must be unix seconds or an RFC 3339 time' })
  from?: string;

  @ApiPropertyOptional({ description: 'End of the range (see `from`).' })
  @IsOptional()
  @Matches(LOG_TIME, { message: 'to must be unix seconds or an RFC 3339 time' })
  to?: string;

  @ApiPropertyOptional({ description: 'rustlog: at most this many lines.', example: '100' })
  @IsOptional()
  @Matches(COUNT, { message: 'limit must be a whole number' })
  limit?: string;

  @ApiPropertyOptional({ description: 'rustlog: skip this many lines first.', example: '0' })
  @IsOptional()
  @Matches(COUNT, { message: 'offset must be a whole number' })
  offset?: string;

  @ApiPropertyOptional({
    description: 'The log API key, when the admin made the log APIs need one (or `X-Log-Key`).',
  })
  @IsOptional()
  @IsString()
  key?: string;
}

/** `GET /list`: a channel, and a user for their months (else the channel's days). */
export class ListLogsQueryDto {
  @ApiPropertyOptional({ description: 'Channel login (or `channelid`).', example: 'teamcaptain' })
  @IsOptional()
  @Matches(LOG_LOGIN, { message: 'channel must be a Twitch login' })
  channel?: string;

  @ApiPropertyOptional({ description: 'Channel Twitch id.', example: '100001' })
  @IsOptional()
  @Matches(LOG_TWITCH_ID, { message: 'channelid must be a Twitch id' })
  channelid?: string;

  @ApiPropertyOptional({ description: 'User login (a former login works too).' })
  @IsOptional()
  @Matches(LOG_LOGIN, { message: 'user must be a Twitch login' })
  user?: string;

  @ApiPropertyOptional({ description: 'User Twitch id.' })
  @IsOptional()
  @Matches(LOG_TWITCH_ID, { message: 'userid must be a Twitch id' })
  userid?: string;

  @ApiPropertyOptional({ description: 'The log API key (or `X-Log-Key`).' })
  @IsOptional()
  @IsString()
  key?: string;
}
