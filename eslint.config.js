import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { architecture } from './eslint.architecture.js';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'webui/out/**', 'webui/.next/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    // Migrations are frozen in time and take Kysely<any> on purpose (they never import app types).
    files: ['**/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['bench/**', 'backend/src/testing/**', '**/*.test.ts', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
  // The import rules of ../shared/architecture.md, as lint errors (tested by backend/src/architecture.test.ts).
  ...architecture,
);
