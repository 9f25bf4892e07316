import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { EncryptionKey, keyFilePath, loadEncryptionKey } from './encryption-key.js';
import { checkKeyAgainstDatabase } from './key-check.js';

/** The master key: loaded or generated once, and checked against what it sealed before. */
@Module({
  providers: [
    {
      provide: EncryptionKey,
      useFactory: async (config: AppConfig, dataSource: DataSource) => {
        const key = await loadEncryptionKey(config);
        await checkKeyAgainstDatabase(key, dataSource, keyFilePath(config));
        return key;
      },
      inject: [AppConfig, DataSource],
    },
  ],
  exports: [EncryptionKey],
})
export class SecretsModule {}
