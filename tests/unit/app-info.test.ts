// appInfo through the registry, as the window asks it: which Caseproof this is, with no vault open.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../db/client';
import { MIGRATIONS } from '../../db/migrations';
import { buildRegistry } from '../../electron/services/api/handlers';
import { Session } from '../../electron/services/api/session';
import { nodePlatform } from '../../electron/platform/nodePlatform';

const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string };

describe('appInfo', () => {
  it('gives the version of package.json and the data version (one per migration), with the vault locked', async () => {
    const registry = buildRegistry(new Session(nodePlatform()));
    const r = await registry.call('appInfo', {});
    expect(r).toEqual({ ok: true, value: { version: pkg.version, dataVersion: MIGRATIONS.length } });
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('refuses an input it does not take, naming it', async () => {
    const r = await buildRegistry(new Session(nodePlatform())).call('appInfo', { verbose: true });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ code: 'invalid' });
    expect(!r.ok && r.error.message).toContain('verbose');
  });
});
