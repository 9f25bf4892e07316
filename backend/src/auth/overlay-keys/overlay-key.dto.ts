import {
  type CreateOverlayKeyRequest,
  type IssuedOverlayKey,
  type OverlayKey,
  type OverlaySession,
  OVERLAY_KEY_NAME_MAX_LENGTH,
} from '@integron/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class CreateOverlayKeyDto implements CreateOverlayKeyRequest {
  @ApiProperty({
    example: 'Main scene alerts',
    minLength: 1,
    maxLength: OVERLAY_KEY_NAME_MAX_LENGTH,
  })
  @IsString()
  @Length(1, OVERLAY_KEY_NAME_MAX_LENGTH)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;
}

export class OverlayKeyDto implements OverlayKey {
  @ApiProperty({ example: '7' }) id!: string;
  @ApiProperty({ example: '42' }) channelId!: string;
  @ApiProperty({ example: 'Main scene alerts' }) name!: string;
  @ApiProperty({ example: 'ovk_3fZq9a', description: 'The first characters of the key.' })
  prefix!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) lastUsedAt!: string | null;
}

export class IssuedOverlayKeyDto extends OverlayKeyDto implements IssuedOverlayKey {
  @ApiProperty({ description: 'Shown once: store it in OBS now.', example: 'ovk_…' }) key!: string;
  @ApiProperty({ example: 'https://integron.example.com/overlay/?key=ovk_…' }) overlayUrl!: string;
}

class OverlayChannelDto {
  @ApiProperty() id!: string;
  @ApiProperty() twitchId!: string;
  @ApiProperty() login!: string;
  @ApiProperty() displayName!: string;
}

export class OverlaySessionDto implements OverlaySession {
  @ApiProperty({ type: OverlayChannelDto }) channel!: OverlayChannelDto;
  @ApiProperty({ example: '7' }) keyId!: string;
  @ApiProperty() keyName!: string;
}
