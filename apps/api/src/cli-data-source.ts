import { DataSource } from 'typeorm';
import { loadConfig } from './core/config/config.js';
import { dataSourceOptions } from './data-source.js';

/** For the TypeORM CLI only: `npx typeorm migration:show -d dist/apps/api/cli-data-source.js`. */
export default new DataSource(dataSourceOptions(loadConfig()));
