/** Unit specs: beside the code, nothing external (no Postgres, no Redis). */
module.exports = {
  ...require('./jest.swc.cjs'),
  displayName: 'api:unit',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
