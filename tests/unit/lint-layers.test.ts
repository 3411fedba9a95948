// The import boundaries of eslint.config.js (caseproof/layers), run through ESLint itself on code
// placed, by name, in each layer's folder: each wrong import is named, each right one passes.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.js') });

/** The layer rule's messages for `code` as if it were the file at `file` (repository-relative). */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === 'caseproof/layers').map((m) => m.message);
}

describe('import boundaries (eslint caseproof/layers)', () => {
  it('the renderer may import renderer/ and the contract only', async () => {
    const code = [
      "import { a } from '../../electron/contract/errors';",
      "import { b } from '../format';",
      "import { c } from 'react';",
      "import { d } from '../../electron/services/clock';",
      "import type { E } from '../../db/schema';",
      "import { f } from 'node:fs';",
      "import { g } from 'electron';",
      "export * from '../../electron/worker/host';",
      'export const all = [a, b, c, d, f, g];',
      'export type { E };',
    ].join('\n');
    const errors = await layerErrors('renderer/src/Example.tsx', code);
    expect(errors.map((e) => e.split("'")[1])).toEqual([
      '../../electron/services/clock',
      '../../db/schema',
      'node:fs',
      'electron',
      '../../electron/worker/host',
    ]);
    expect(errors[0]).toContain('may not be imported from the renderer');
  });

  it('services, db and the worker never import Electron, main, preload, the CLI or the renderer', async () => {
    const code = [
      "import { a } from '../contract/model';",
      "import { b } from '../../db/schema';",
      "import { c } from 'node:fs';",
      "import { d } from '../platform/platform';",
      "import { e } from '../main/main';",
      "import { app } from 'electron';",
      "import Store from 'electron-store';",
      "import { f } from '../platform/electronPlatform';",
      "import { g } from '../cli/main';",
      "const h = import('../../renderer/src/api');",
      'export const all = [a, b, c, d, e, app, Store, f, g, h];',
    ].join('\n');
    const errors = await layerErrors('electron/services/example.ts', code);
    expect(errors.map((e) => e.split("'")[1])).toEqual([
      '../main/main',
      'electron',
      'electron-store',
      '../platform/electronPlatform',
      '../cli/main',
      '../../renderer/src/api',
    ]);
    expect(await layerErrors('db/example.ts', "import { a } from '../electron/preload/preload';\nexport const b = a;")).toHaveLength(1);
    expect(await layerErrors('electron/worker/example.ts', "import { a } from '../main/security';\nexport const b = a;")).toHaveLength(1);
  });

  it('the contract imports only itself (and zod, date-fns)', async () => {
    const code = [
      "import { z } from 'zod';",
      "import { a } from './dates';",
      "import { b } from '../services/clock';",
      "import { c } from '../../db/schema';",
      "import { d } from 'node:crypto';",
      'export const all = [z, a, b, c, d];',
    ].join('\n');
    const errors = await layerErrors('electron/contract/example.ts', code);
    expect(errors.map((e) => e.split("'")[1])).toEqual(['../services/clock', '../../db/schema', 'node:crypto']);
  });

  it('main and the CLI may import services (they host them)', async () => {
    expect(await layerErrors('electron/main/example.ts', "import { a } from '../worker/host';\nexport const b = a;")).toEqual([]);
    expect(await layerErrors('electron/cli/example.ts', "import { a } from '../services/clock';\nexport const b = a;")).toEqual([]);
  });
});
