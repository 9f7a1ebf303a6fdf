/**
 * Browser specs: the built dashboard, served by the built API (dist/apps/api/main.js) with the triage worker
 * (dist/apps/api/worker.js) beside it, on the machine's real Postgres and Redis, driven by headless Chromium
 * through playwright-core. global-setup starts that stack on a fresh database and Redis prefix and seeds it;
 * global-teardown stops it and removes both. One spec file at a time.
 */
module.exports = {
  displayName: 'dashboard:browser',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  globalSetup: '<rootDir>/test/browser/global-setup.ts',
  globalTeardown: '<rootDir>/test/browser/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/test/browser/support/jest-setup.ts'],
  maxWorkers: 1,
  testTimeout: 90000,
  slowTestThreshold: 30,
};
