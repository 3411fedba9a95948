// The type-aware pass, `npm run lint:types`: the main config (eslint.config.js) plus the rules
// that need the type-checker, for promises left unhandled. Not part of `npm test`: with types it
// took 6 minutes on this 2-core machine (under load; 1 min 49 s of CPU) against seconds for the
// cached syntax-only lint. Run it before a release or after touching async code; it finds none today.
import base from './eslint.config.js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  ...base,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // An async event handler in JSX is fine here: each one catches and shows its own failure
      // (forms through useContractForm's submit, which returns nothing). Elsewhere a promise
      // where a plain function is expected is an error.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Files in no tsconfig (the Vite config, the type-check's own stand-ins): syntax rules only.
    files: ['renderer/vite.config.ts', 'build/typecheck/*.d.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
);
