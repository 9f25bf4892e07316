import {
  type DatabaseCheck,
  type HealthInfo,
  type ReadinessReport,
  type RunMode,
} from '@integron/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthInfoDto implements HealthInfo {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ example: 'integron' }) name!: string;
  @ApiProperty({ example: '0.1.0' }) version!: string;
  @ApiProperty({
    enum: ['demo', 'live'],
    description: 'demo: Twitch and Discord are simulated in-process',
  })
  mode!: RunMode;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ example: 3600 }) uptimeSeconds!: number;
}

export class DatabaseCheckDto implements DatabaseCheck {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiProperty({ enum: ['embedded', 'external'] }) kind!: 'embedded' | 'external';
  @ApiPropertyOptional({ example: 2 }) latencyMs?: number;
  @ApiPropertyOptional({ example: 'connect ECONNREFUSED 127.0.0.1:5432' }) error?: string;
}

class ReadinessChecksDto {
  @ApiProperty({ type: DatabaseCheckDto }) database!: DatabaseCheckDto;
}

export class ReadinessReportDto implements ReadinessReport {
  @ApiProperty({ enum: ['ready', 'not_ready'] }) status!: 'ready' | 'not_ready';
  @ApiProperty({ format: 'date-time' }) checkedAt!: string;
  @ApiProperty({ type: ReadinessChecksDto }) checks!: ReadinessChecksDto;
}
