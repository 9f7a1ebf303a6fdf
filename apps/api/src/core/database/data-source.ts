import 'reflect-metadata';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

/** The one set of DataSource options, shared by the API, the worker, `migrate.ts`, the TypeORM CLI and the tests. */
export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.database.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: config.database.poolSize,
      // Fail fast when Postgres is unreachable, so intake can answer 503 instead of hanging.
      connectionTimeoutMillis: 3000,
      statement_timeout: 15000,
    },
  };
}
