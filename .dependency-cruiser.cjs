/**
 * The house's import rules, checked by `npm test`'s lint tier (`nx run api:lint`, `nx run triage-engine:lint`):
 * arrows run downhill. Entry points (src/*.ts) wire features; features use core/ and the engine library; core/ is
 * the ground floor and imports no feature; no two folders import each other, directly or round a loop.
 * docs/architecture.md, "Layers".
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      severity: 'error',
      comment: 'Two folders import each other (directly or round a loop): one of them must own the shared piece.',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-file-cycles',
      severity: 'error',
      comment: 'A module imports itself round a loop (TypeORM entities that name each other in relations excepted).',
      from: { pathNot: '\\.entity\\.ts$' },
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'core-is-the-ground-floor',
      severity: 'error',
      comment: 'core/ imports no feature and no entry point: features build on core, never the other way.',
      from: { path: '^apps/api/src/core/' },
      to: { path: '^apps/api/src/', pathNot: '^apps/api/src/core/' },
    },
    {
      name: 'features-do-not-import-entry-points',
      severity: 'error',
      comment: 'The entry points (main, worker, app.module, http-app, data-source …) wire features; no feature imports them.',
      from: { path: '^apps/api/src/[^/]+/' },
      to: { path: '^apps/api/src/[^/]+\\.ts$' },
    },
    {
      name: 'the-engine-is-pure',
      severity: 'error',
      comment: 'libs/triage-engine takes plain data and returns verdicts: nothing of the apps, no framework, database or queue.',
      from: { path: '^libs/triage-engine/' },
      to: { path: ['^apps/', '@nestjs', 'typeorm', '^pg', 'bullmq', 'ioredis', 'fastify', 'react'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|tmp|node_modules)/' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.cjs', '.mjs', '.json'] },
  },
};
