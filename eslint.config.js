// Lint: the Vue community's recommended rules for Vue 3 and TypeScript (eslint-plugin-vue's
// flat/recommended with @vue/eslint-config-typescript), formatting left to Prettier.
import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import skipFormatting from 'eslint-config-prettier/flat'
import globals from 'globals'

export default defineConfigWithVueTs(
  { ignores: ['dist/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'dev-dist/**'] },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  {
    files: ['scripts/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // src/db/ is the only door to storage: everything else calls its named functions.
    files: ['src/**/*.{ts,vue}'],
    ignores: ['src/db/**', 'src/**/*.test.ts', 'src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Only src/db/ uses Dexie: call a named function of src/db/.' }],
          patterns: [
            {
              regex: '(^@/db/database$|/db/database$|^\\./database$)',
              message: 'Only src/db/ opens the database: call a named function of src/db/.',
            },
          ],
        },
      ],
    },
  },
  skipFormatting,
  {
    rules: {
      // No line over Prettier's width: Prettier wraps code; long strings and comments are caught here.
      'max-len': [
        'error',
        {
          code: 120,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
          ignorePattern: '^\\s*(import|export) ',
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
)
