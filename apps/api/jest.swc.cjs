/** Shared jest settings for the api: @swc/jest (NestJS 12 is ESM-only; swc turns it into CommonJS for jest). */
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|content-disposition|fast-check|pure-rand)/)'],
  moduleNameMapper: {
    '^@sift/shared$': path.join(__dirname, '../../libs/shared/src/index.ts'),
    '^@sift/triage-engine$': path.join(__dirname, '../../libs/triage-engine/src/index.ts'),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};
