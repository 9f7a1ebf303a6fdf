import 'reflect-metadata';
import type { DataSourceOptions, MixedList } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { MIGRATIONS } from './migrations/index.js';

/** The entity classes of a DataSource (the features' own; `src/entities.ts` lists them). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for an entity class list
export type EntityList = MixedList<Function>;

/**
 * The one set of DataSource options, shared by the API, the worker, `migrate.ts`, the TypeORM CLI and the tests
 * (through `src/data-source.ts`, which supplies the features' entities).
 */
export function postgresOptions(config: AppConfig, entities: EntityList): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.database.url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: config.database.poolSize,
      // A fixed-size pool: a connection once opened stays open. With pg-pool's default (min 0, idle connections
      // closed after 10 s) the pool shrank in every lull and reopened connections in the next burst — each a new
      // backend that re-plans the hot statements with cold caches — and bench:pipeline at 100 comments/s stalled
      // for 300–900 ms about every 11 s (docs/benchmarks.md, "Pipeline").
      min: config.database.poolSize,
      // Fail fast when Postgres is unreachable, so intake can answer 503 instead of hanging.
      connectionTimeoutMillis: 3000,
      statement_timeout: 15000,
    },
  };
}
