import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config.js';
import { dataSourceOptions } from './data-source.js';

/** For the TypeORM CLI only: `npx typeorm migration:show -d dist/apps/api/core/database/cli-data-source.js`. */
export default new DataSource(dataSourceOptions(loadConfig()));
