// ESLint (flat config), run by `npm run lint` and `npm test`.
// - typescript-eslint's recommended rules everywhere, syntax-only: the four tsconfigs already give the
//   type errors, and the type-aware set (recommendedTypeChecked) took 3 minutes here against about 30 s;
// - ESLint's cache (node_modules/.cache/eslint, by content) makes a second run take a few seconds;
// - React's hook rules for the renderer;
// - caseproof/layers: the import boundaries the four tsconfigs enforce, said once more by path so a wrong
//   import is named at the line it is written (and so a type-only import cannot slip past a tsconfig).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (spec) => spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]);
const ELECTRON_ONLY = new Set(['electron', 'electron-store']);

// Each layer, by the folder its files live in, with what it may not import. Folders are
// repository-relative; a relative import is resolved against the importing file first.
const LAYERS = [
  {
    name: 'the contract',
    files: ['electron/contract/'],
    // The contract is shared by main, the worker, the CLI and the renderer: it stands on zod and date-fns only.
    forbidFolders: ['electron/services/', 'db/', 'electron/main/', 'electron/preload/', 'electron/worker/', 'electron/cli/', 'electron/platform/', 'renderer/'],
    forbidPackage: (spec) => isNodeBuiltin(spec) || ELECTRON_ONLY.has(spec) || spec === 'better-sqlite3' || spec.startsWith('drizzle-orm'),
    why: 'the contract is shared by every side (renderer included): it may import only itself, zod and date-fns',
  },
  {
    name: 'the renderer',
    files: ['renderer/src/'],
    allowFolders: ['renderer/', 'electron/contract/'],
    forbidPackage: (spec) => isNodeBuiltin(spec) || ELECTRON_ONLY.has(spec) || spec === 'better-sqlite3' || spec.startsWith('drizzle-orm'),
    why: 'the renderer reaches the vault only through window.caseproof: it may import renderer/ and electron/contract/ only',
  },
  {
    name: 'services, db and the vault worker',
    files: ['electron/services/', 'db/', 'electron/worker/'],
    forbidFolders: ['electron/main/', 'electron/preload/', 'renderer/', 'electron/cli/', 'electron/platform/electronPlatform'],
    forbidPackage: (spec) => ELECTRON_ONLY.has(spec),
    why: 'services, db and the worker run on plain Node (CLI, tests, worker threads): they never import Electron, main, preload, the CLI or the renderer',
  },
  {
    name: 'the preload',
    files: ['electron/preload/'],
    allowFolders: ['electron/preload/', 'electron/contract/'],
    forbidPackage: () => false,
    why: 'the preload is bundled on its own and kept a few KB: it may import only the contract',
  },
];

const layerOf = (rel) => LAYERS.find((layer) => layer.files.some((folder) => rel.startsWith(folder)));

/** @type {import('eslint').Rule.RuleModule} */
const layersRule = {
  meta: { type: 'problem', docs: { description: 'Imports stay inside the layer boundaries the tsconfigs enforce' }, schema: [] },
  create(context) {
    const rel = path.relative(root, context.filename).split(path.sep).join('/');
    const layer = layerOf(rel);
    if (!layer) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      const target = spec.startsWith('.')
        ? path
            .relative(root, path.resolve(path.dirname(context.filename), spec))
            .split(path.sep)
            .join('/')
        : null;
      const bad =
        target === null
          ? layer.forbidPackage(spec)
          : layer.allowFolders
            ? !layer.allowFolders.some((folder) => target.startsWith(folder))
            : layer.forbidFolders.some((folder) => target.startsWith(folder));
      if (bad) context.report({ node, message: `'${spec}' may not be imported from ${layer.name}: ${layer.why}.` });
    };
    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      '.electron-native/',
      'tests/output/',
      'tests/fixtures/',
      'db/migrations.generated.ts',
      'db/migrations/meta/',
      '.vite/',
      '.drizzle/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    plugins: { caseproof: { rules: { layers: layersRule } } },
    rules: {
      'caseproof/layers': 'error',
      // Unused names are already a compile error (noUnusedLocals); a leading underscore marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.flat.recommended.rules,
  },
  {
    // CommonJS preloads for child processes (`node --require`).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Browser tests run code inside the page (page.evaluate), which sees the DOM.
    files: ['tests/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
