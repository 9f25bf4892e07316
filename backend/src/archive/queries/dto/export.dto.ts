import { type ExportFormat, type ExportQuery } from '@integron/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ChannelIdField, IsoTimeField, TwitchIdField } from '../../../http/query-fields.js';

const EXPORT_FORMATS: ExportFormat[] = ['csv', 'ndjson'];

export class ExportQueryDto implements ExportQuery {
  @ChannelIdField('The channel whose messages to export (or userId).')
  channelId?: string;

  @TwitchIdField(
    'userId',
    'The chatter whose messages to export, by Twitch user id (or channelId).',
  )
  userId?: string;

  @IsoTimeField({ required: true, description: 'Inclusive.' })
  since!: string;

  @IsoTimeField({ required: true, description: 'Exclusive; at most 366 days after since.' })
  until!: string;

  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS, { message: 'format must be csv or ndjson' })
  format!: ExportFormat;
}
