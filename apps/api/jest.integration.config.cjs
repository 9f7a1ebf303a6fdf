/**
 * Integration specs: the real Postgres and Redis of the machine. global-setup creates a fresh database (migrated
 * once) and a Redis key prefix for this run; global-teardown drops both. One file at a time.
 */
module.exports = {
  ...require('./jest.swc.cjs'),
  displayName: 'api:integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/integration/**/*.integration-spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/test/utils/migrate-once.ts'],
  maxWorkers: 1,
  testTimeout: 30000,
};
