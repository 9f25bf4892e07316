import {
  type DeviceConnectFlow,
  type StartDeviceConnectRequest,
  TWITCH_ACCOUNT_PURPOSES,
  type TwitchAccount,
  type TwitchAccountPurpose,
  type TwitchAccountStatus,
} from '@integron/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class TwitchAccountDto implements TwitchAccount {
  @ApiProperty({ example: '3' }) id!: string;
  @ApiProperty({ example: '100042' }) twitchUserId!: string;
  @ApiProperty({ example: 'teambot' }) login!: string;
  @ApiProperty({ example: 'TeamBot' }) displayName!: string;
  @ApiProperty({ enum: TWITCH_ACCOUNT_PURPOSES }) purpose!: TwitchAccountPurpose;
  @ApiProperty({ type: [String], example: ['chat:edit', 'chat:read', 'user:manage:chat_color'] })
  scopes!: string[];
  @ApiProperty({ type: [String], example: [], description: 'Scopes its purpose needs but lacks.' })
  missingScopes!: string[];
  @ApiProperty({ enum: ['connected', 'needs_reconnect'] }) status!: TwitchAccountStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) problem!: string | null;
  @ApiProperty({ format: 'date-time' }) connectedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ConnectQueryDto {
  @ApiProperty({ enum: TWITCH_ACCOUNT_PURPOSES })
  @IsIn(TWITCH_ACCOUNT_PURPOSES)
  purpose!: TwitchAccountPurpose;
}

/** What Twitch sends back to the callback: a code, or an error, with the state we sent. */
export class ConnectCallbackQueryDto {
  @IsOptional() @IsString() @MaxLength(512) code?: string;
  @IsOptional() @IsString() @MaxLength(512) state?: string;
  @IsOptional() @IsString() @MaxLength(128) error?: string;
  /** Accepted so the request validates; Twitch's words are never shown or logged. */
  @IsOptional() @IsString() @MaxLength(512) error_description?: string;
  @IsOptional() @IsString() @MaxLength(2048) scope?: string;
}

export class StartDeviceConnectDto implements StartDeviceConnectRequest {
  @ApiProperty({ enum: TWITCH_ACCOUNT_PURPOSES })
  @IsIn(TWITCH_ACCOUNT_PURPOSES)
  purpose!: TwitchAccountPurpose;
}

export class DeviceConnectFlowDto implements DeviceConnectFlow {
  @ApiProperty({ format: 'uuid' }) flowId!: string;
  @ApiProperty({ enum: TWITCH_ACCOUNT_PURPOSES }) purpose!: TwitchAccountPurpose;
  @ApiProperty({ example: 'ABCD-EFGH' }) userCode!: string;
  @ApiProperty({ example: 'https://www.twitch.tv/activate?device-code=ABCDEFGH' })
  verificationUri!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ enum: ['pending', 'connected', 'expired', 'denied', 'failed'] })
  status!: DeviceConnectFlow['status'];
  @ApiPropertyOptional({ type: TwitchAccountDto, nullable: true }) account!: TwitchAccount | null;
  @ApiPropertyOptional({ nullable: true, type: String }) error!: string | null;
}
