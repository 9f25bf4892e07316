import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SecretsModule } from '../secrets/secrets.module.js';
import { TokenVault } from './token-vault.js';
import { TwitchAccountEntity } from './twitch-account.entity.js';

/** Connected accounts' tokens, sealed at rest; the Twitch edge builds its auth providers on it. */
@Module({
  imports: [SecretsModule, TypeOrmModule.forFeature([TwitchAccountEntity])],
  providers: [TokenVault],
  exports: [TokenVault],
})
export class TokenVaultModule {}
