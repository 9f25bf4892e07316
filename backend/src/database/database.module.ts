import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { DatabaseTarget } from './database-target.js';
import { MIGRATIONS } from './migrations/index.js';
import { runMigrationsExclusively } from './run-migrations.js';
import { TypeOrmLogger } from './typeorm-logger.js';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(target: DatabaseTarget): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            type: 'postgres',
            url: target.url,
            synchronize: false,
            migrations: MIGRATIONS,
            autoLoadEntities: true,
            logger: new TypeOrmLogger(),
            maxQueryExecutionTime: 1_000,
            retryAttempts: 0,
            extra: { connectionTimeoutMillis: 5_000, max: 10 },
          }),
          // Migrate before any provider can reach the data source.
          dataSourceFactory: async (options?: DataSourceOptions) => {
            const dataSource = await new DataSource(options!).initialize();
            await runMigrationsExclusively(dataSource);
            return dataSource;
          },
        }),
      ],
      providers: [{ provide: DatabaseTarget, useValue: target }],
      exports: [DatabaseTarget],
    };
  }
}
