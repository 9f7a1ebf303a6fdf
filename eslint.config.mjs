import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * One lint config. Module boundaries by tag: the shared lib imports nothing of the apps and no server or UI
 * framework; the apps import each other never, and the shared lib only.
 */
export default tseslint.config(
  { ignores: ['**/dist', '**/node_modules', '**/tmp', 'coverage', '.nx', 'test-output'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:engine', onlyDependOnLibsWithTags: ['scope:engine', 'scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:engine', 'scope:shared'] },
            { sourceTag: 'scope:dashboard', onlyDependOnLibsWithTags: ['scope:dashboard', 'scope:shared'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'warn',
    },
  },
  {
    // Wire types only: no runtime framework may leak into what the dashboard bundles.
    files: ['libs/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'class-validator', 'class-transformer', 'react', 'react-*', 'bullmq', 'ioredis', 'zod'], message: 'libs/shared carries wire types only.' },
          ],
        },
      ],
    },
  },
  {
    // The judgement wing is pure: no server framework, database, queue or UI, and nothing of the apps.
    files: ['libs/triage-engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'pg', 'pg-*', 'bullmq', 'ioredis', 'react', 'react-*', 'fastify', '@fastify/*'],
              message: 'libs/triage-engine is pure: it takes plain data and returns verdicts (no framework, database or queue).',
            },
            { group: ['**/apps/**', '@sift/api', '@sift/dashboard'], message: 'libs/triage-engine imports nothing of the apps.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', 'scripts/**', 'apps/api/src/cli.ts', 'apps/api/src/migrate.ts', 'libs/triage-engine/src/eval/**'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
