import {
  type ArchiveSettings,
  type IssuedLogApiKey,
  type LogApiAccess,
  RETENTION_MONTHS_MAX,
  type UpdateArchiveSettingsRequest,
} from '@integron/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min, ValidateIf } from 'class-validator';

const LOG_API_ACCESS: LogApiAccess[] = ['public', 'key'];
const RETENTION_MESSAGE = `retentionMonths must be a whole number of months from 1 to ${RETENTION_MONTHS_MAX}, or null to keep everything`;

export class ArchiveSettingsDto implements ArchiveSettings {
  @ApiProperty({ nullable: true, type: 'integer', description: 'null: keep everything.' })
  retentionMonths!: number | null;
  @ApiProperty({ enum: LOG_API_ACCESS }) logApiAccess!: LogApiAccess;
  @ApiProperty({ description: 'The key itself was shown once, when it was issued.' })
  logApiKeyIssued!: boolean;
}

export class UpdateArchiveSettingsDto implements UpdateArchiveSettingsRequest {
  @ApiProperty({
    nullable: true,
    type: 'integer',
    minimum: 1,
    maximum: RETENTION_MONTHS_MAX,
    description:
      'Whole months kept; older months are dropped at once and from then on. null: keep everything.',
  })
  @ValidateIf((_, value) => value !== null)
  @IsInt({ message: RETENTION_MESSAGE })
  @Min(1, { message: RETENTION_MESSAGE })
  @Max(RETENTION_MONTHS_MAX, { message: RETENTION_MESSAGE })
  retentionMonths!: number | null;

  @ApiProperty({
    enum: LOG_API_ACCESS,
    description: 'key: the log APIs need the log API key (issue one first).',
  })
  @IsIn(LOG_API_ACCESS, { message: 'logApiAccess must be public or key' })
  logApiAccess!: LogApiAccess;
}

export class IssuedLogApiKeyDto implements IssuedLogApiKey {
  @ApiProperty({ description: 'Shown this once; the previous key stops working.' }) key!: string;
}
