import { type TwitchAccountPurpose, type TwitchAccountStatus } from '@integron/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A Twitch account an admin connected, with its tokens sealed by the vault's key. */
@Entity('twitch_accounts')
export class TwitchAccountEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'twitch_user_id', type: 'text' })
  twitchUserId!: string;

  @Column({ type: 'text' })
  login!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  purpose!: TwitchAccountPurpose;

  @Column({ type: 'text', array: true })
  scopes!: string[];

  @Column({ name: 'access_token_enc', type: 'text' })
  accessTokenSealed!: string;

  @Column({ name: 'refresh_token_enc', type: 'text', nullable: true })
  refreshTokenSealed!: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'obtained_at', type: 'timestamptz' })
  obtainedAt!: Date;

  @Column({ type: 'text' })
  status!: TwitchAccountStatus;

  @Column({ type: 'text', nullable: true })
  problem!: string | null;

  @Column({ name: 'connected_by', type: 'bigint', nullable: true })
  connectedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
