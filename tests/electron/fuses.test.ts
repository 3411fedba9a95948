// Electron's fuses as the packaged app will have them. electron-builder.yml is read, checked
// and turned into a fuse wire by electron-builder's own code (its config loader, its schema
// check, its mapping to @electron/fuses), and @electron/fuses flips a stand-in executable that
// carries Electron's fuse wire with Electron's defaults; the wire read back must have every
// fuse where Caseproof wants it. A misspelt option fails the schema; a wrong value fails here.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { PlatformPackager } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';

const root = path.resolve(__dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'caseproof-fuses-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ON = 0x31;
const OFF = 0x30;
/** Electron's own defaults, fuse by fuse (docs/tutorial/fuses.md), as a freshly downloaded executable has them. */
const ELECTRON_DEFAULTS: Record<FuseV1Options, number> = {
  [FuseV1Options.RunAsNode]: ON,
  [FuseV1Options.EnableCookieEncryption]: OFF,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: ON,
  [FuseV1Options.EnableNodeCliInspectArguments]: ON,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: OFF,
  [FuseV1Options.OnlyLoadAppFromAsar]: OFF,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: OFF,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: ON,
};
/** A stand-in executable: some bytes, Electron's sentinel, the wire (version 1) with the given fuses, more bytes. */
function fakeElectron(fuses: Record<FuseV1Options, number>): string {
  const wire = Object.keys(fuses)
    .map(Number)
    .sort((a, b) => a - b)
    .map((k) => fuses[k as FuseV1Options]);
  const file = path.join(dir, 'electron');
  writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 0xcc), Buffer.from(SENTINEL), Buffer.from([1, wire.length, ...wire]), Buffer.alloc(4096, 0xcc)]));
  return file;
}

async function builderConfig() {
  const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
  // electron-builder's own check of the whole file against its schema (what `npm run dist` runs first).
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema, packs the app as one asar archive with integrity kept', async () => {
    const config = await builderConfig();
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toBeTruthy();
  });

  it('flips every fuse where Caseproof wants it: no run-as-node, NODE_OPTIONS or inspector; asar only, with integrity', async () => {
    const config = await builderConfig();
    // electron-builder's own translation of electronFuses into @electron/fuses' options (a
    // private method, reached by name: it uses no instance state).
    const fuseConfig = await PlatformPackager.prototype['generateFuseConfig'].call(null, config.electronFuses!);
    expect(fuseConfig.version).toBe(FuseVersion.V1);
    const exe = fakeElectron(ELECTRON_DEFAULTS);
    await flipFuses(exe, { ...fuseConfig, strictlyRequireAllFuses: true });
    const wire = await getCurrentFuseWire(exe);
    const got = Object.fromEntries(
      Object.keys(ELECTRON_DEFAULTS).map((k) => [FuseV1Options[Number(k)], wire[Number(k) as FuseV1Options] === ON ? 'on' : 'off']),
    );
    expect(got).toEqual({
      RunAsNode: 'off',
      EnableCookieEncryption: 'on',
      EnableNodeOptionsEnvironmentVariable: 'off',
      EnableNodeCliInspectArguments: 'off',
      EnableEmbeddedAsarIntegrityValidation: 'on',
      OnlyLoadAppFromAsar: 'on',
      LoadBrowserProcessSpecificV8Snapshot: 'off',
      GrantFileProtocolExtraPrivileges: 'off',
    });
  });
});
