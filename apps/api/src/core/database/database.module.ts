import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { type EntityList, postgresOptions } from './data-source.js';

/** The process's one TypeORM DataSource, with the entities the entrypoint lists (`src/entities.ts`). */
@Module({})
export class DatabaseModule {
  static forRoot(entities: EntityList): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({ ...postgresOptions(config, entities), retryAttempts: 0 }),
        }),
      ],
    };
  }
}
