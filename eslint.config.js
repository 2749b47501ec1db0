// ESLint: typed TypeScript rules for src/, scripts/ and tests/, and the Astro plugin for components.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

/** A widget's model: model.ts, or its pieces as model-*.ts or in a model/ folder. */
const WIDGET_MODELS = ['src/widgets/*/model.ts', 'src/widgets/*/model-*.ts', 'src/widgets/*/model/**'];
/** Code that runs after Astro, over the built site. */
const POSTBUILD_CODE = [
  {
    group: [
      '**/pipeline/postbuild/**',
      '**/search/indexer*',
      '**/katex/subset-fonts*',
      '**/katex/glyphs*',
      '**/scripts/**',
    ],
    message: 'post-build code runs over the built site (scripts/build.ts); pages and components must not import it.',
  },
];
/** Code of the build: the content, render and post-build stages and their features. */
const BUILD_CODE = [
  {
    group: ['**/pipeline/**', '**/katex/**', '**/search/indexer*', '**/scripts/**', 'astro.config.mjs'],
    message: 'build code (src/pipeline, src/katex, scripts) must not be imported here: move the pure part to src/lib.',
  },
];
/** Code that needs a browser. */
const DOM_CODE = [
  {
    group: [
      '**/client/**',
      '**/widgets/**',
      '**/components/**',
      '**/layouts/**',
      '**/pages/**',
      '*.astro',
      '**/*.astro',
    ],
    message: 'src/lib and widget models are pure (no DOM): the view imports the model, not the other way round.',
  },
];
const NODE_BUILTINS = { group: ['node:*', 'fs', 'path', 'child_process'], message: 'no Node built-ins here.' };
const ASTRO = { group: ['astro', 'astro:*', 'astro/*'], message: 'no Astro here: it is pure TypeScript.' };
const DOM_GLOBALS = ['window', 'document', 'navigator', 'location', 'history', 'localStorage', 'customElements'].map(
  (name) => ({ name, message: 'src/lib and widget models are pure: the DOM belongs in the view.' }),
);

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist.*/',
      'bundle/',
      '.astro/',
      'node_modules/',
      'public/',
      'bench/peers/',
      'bench/audit/',
      'tests/.tmp/',
      'coverage/',
      '.tmp*/',
      '**/.tmp*',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Pagefind and JSON data arrive untyped at a few well-marked boundaries.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      // The activation records and models hold plain functions (`f`, `df`) that never use `this`.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.astro', '**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  // The boundaries of the architecture (README, "Layout of the repository").
  {
    // The maths the widgets teach and the content rules: pure, so they run in a test, a widget and the build alike.
    files: ['src/lib/**', ...WIDGET_MODELS],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...BUILD_CODE, ...DOM_CODE, NODE_BUILTINS, ASTRO] }],
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
    },
  },
  {
    // What runs in the reader's browser: no Node, no build code.
    files: ['src/client/**', 'src/search/client/**', 'src/widgets/**/*.ts'],
    ignores: WIDGET_MODELS,
    rules: { 'no-restricted-imports': ['error', { patterns: [...BUILD_CODE, NODE_BUILTINS] }] },
  },
  {
    // Pages and components render; what happens to the built site afterwards is not theirs to call.
    files: ['src/pages/**', 'src/components/**', 'src/layouts/**', 'src/widgets/**/*.astro'],
    rules: { 'no-restricted-imports': ['error', { patterns: POSTBUILD_CODE }] },
  },
  {
    // The unit test files share their modules (tests/vitest.config.ts, isolate: false): a mock set up by one file
    // is not applied to a module another file loaded first, so it passes or fails by the order the files run in.
    files: ['tests/unit/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['mock', 'doMock', 'stubGlobal', 'stubEnv'].map((property) => ({
          object: 'vi',
          property,
          message:
            'unit test files share modules (isolate: false): test the behaviour through real files or arguments, or move the test to a project that isolates.',
        })),
      ],
    },
  },
);
