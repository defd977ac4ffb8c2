// One style for the source, the tests and the scripts. Prettier owns the layout (eslint-config-prettier
// turns off the rules it would fight); the rules here keep golf out: the minifier writes `a && b()`,
// comma lists and reused parameters for us, so people don't have to.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '**/*.min.js', 'bench/results.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-sequences': 'error',
      'no-param-reassign': 'error',
      'no-nested-ternary': 'error',
      'no-unused-expressions': 'off',
      '@typescript-eslint/no-unused-expressions': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Parsed JSON and DOM lookups are typed `any` where a narrower type would only restate a check.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
