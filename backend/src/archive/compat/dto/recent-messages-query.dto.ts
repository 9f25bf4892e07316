import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

const BOOLEAN = ['true', 'false'];
const COUNT = /^\d{1,9}$/;
const MILLISECONDS = /^\d{1,15}$/;

const option = (description: string) =>
  ApiPropertyOptional({ enum: BOOLEAN, description: `${description} Default \`false\`.` });

/**
 * `GET /api/v2/recent-messages/{login}`, as recent-messages2 reads it: booleans are `true` or
 * `false`, and the v1 camelCase spellings are accepted too.
 */
export class RecentMessagesQueryDto {
  @ApiPropertyOptional({
    description: 'At most this many lines, the newest (capped at 800; Chatterino sends 800).',
    example: '800',
  })
  @IsOptional()
  @Matches(COUNT, { message: 'limit must be a whole number' })
  limit?: string;

  @ApiPropertyOptional({ description: 'Only lines older than this (unix milliseconds).' })
  @IsOptional()
  @Matches(MILLISECONDS, { message: 'before must be unix milliseconds' })
  before?: string;

  @ApiPropertyOptional({ description: 'Only lines newer than this (unix milliseconds).' })
  @IsOptional()
  @Matches(MILLISECONDS, { message: 'after must be unix milliseconds' })
  after?: string;

  @option('Leave out CLEARCHAT and CLEARMSG lines.')
  @IsOptional()
  @IsIn(BOOLEAN, { message: 'hide_moderation_messages must be true or false' })
  hide_moderation_messages?: string;

  @option('Leave out the lines marked `rm-deleted=1`.')
  @IsOptional()
  @IsIn(BOOLEAN, { message: 'hide_moderated_messages must be true or false' })
  hide_moderated_messages?: string;

  @option('Turn CLEARCHAT into a NOTICE (`msg-id=rm-timeout|rm-permaban|rm-clearchat`).')
  @IsOptional()
  @IsIn(BOOLEAN, { message: 'clearchat_to_notice must be true or false' })
  clearchat_to_notice?: string;

  @IsOptional()
  @IsIn(BOOLEAN, { message: 'hideModerationMessages must be true or false' })
  hideModerationMessages?: string;

  @IsOptional()
  @IsIn(BOOLEAN, { message: 'hideModeratedMessages must be true or false' })
  hideModeratedMessages?: string;

  @IsOptional()
  @IsIn(BOOLEAN, { message: 'clearchatToNotice must be true or false' })
  clearchatToNotice?: string;

  @ApiPropertyOptional({ description: 'The log API key (or `X-Log-Key`).' })
  @IsOptional()
  @IsString()
  key?: string;
}
