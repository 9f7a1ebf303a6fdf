/** The engine's specs: pure, nothing external (no Postgres, no Redis); they run with the unit tier. */
const path = require('node:path');

module.exports = {
  displayName: 'triage-engine',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(fast-check|pure-rand)/)'],
  moduleNameMapper: {
    '^@sift/shared$': path.join(__dirname, '../shared/src/index.ts'),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};
