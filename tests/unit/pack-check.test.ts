// The verifyPackFile operation ("Check a pack file" on the Packs page) through the registry over a
// real vault: a file's bytes in base64 against the register, with the same verdict and sentence as
// `caseproof pack verify`; and its input refused naming the field and the value it was given.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildRegistry } from '../../electron/services/api/handlers';
import { Session } from '../../electron/services/api/session';
import { nodePlatform } from '../../electron/platform/nodePlatform';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { generatePack } from '../../electron/services/packs/packService';
import type { PackFileCheck } from '../../electron/contract/ops/packs';
import { MORGAN, RECIPIENT, packFirmFile, sha256 } from '../support/packFirm';
import { registryCalls } from '../support/registryCalls';
import { tempDir } from '../support/tmp';

const open: Session[] = [];
// Locked before the temporary folder goes, so the trail's head file is written while it exists.
afterEach(() => open.splice(0).forEach((s) => s.lock()));

async function vaultWithPack() {
  const dir = tempDir();
  const session = new Session(nodePlatform({ user: 'Pat Manager' }));
  open.push(session);
  const api = registryCalls(buildRegistry(session));
  session.create(path.join(dir, 'firm.cpv'), 'kettle orchard lantern 42', false);
  importFirmFile(session.ctx(), packFirmFile());
  const dest = path.join(dir, 'morgan.docx');
  const { entry } = await generatePack(session.ctx(), { kind: 'staff', ref: MORGAN.ref, asOf: '2026-11-24', recipient: RECIPIENT }, dest);
  return { api, entry, bytes: readFileSync(dest) };
}

describe('verifyPackFile', () => {
  it('knows the registered pack from its bytes and refuses one changed byte', async () => {
    const { api, entry, bytes } = await vaultWithPack();
    const ok = await api.call<PackFileCheck>('verifyPackFile', { name: 'morgan.docx', base64: bytes.toString('base64') });
    expect(ok).toMatchObject({ outcome: 'pack', unchanged: true, sha256: sha256(bytes), entry: { id: entry.id, subjectRef: MORGAN.ref } });
    expect(ok.sentence).toMatch(/^morgan\.docx is pack number 1 in this vault's register, unchanged: the Legal Panel evidence pack for Morgan Ellis \(RR-01\)/);

    const changed = Buffer.from(bytes);
    changed[changed.length - 1] ^= 1;
    const bad = await api.call<PackFileCheck>('verifyPackFile', { name: 'morgan.docx', base64: changed.toString('base64') });
    expect(bad.unchanged).toBe(false);
    expect(bad.outcome).not.toBe('pack');

    const txt = await api.call<PackFileCheck>('verifyPackFile', { name: 'notes.txt', base64: Buffer.from('hello').toString('base64') });
    expect(txt).toMatchObject({ outcome: 'not-a-pack-file', unchanged: false, entry: null });
    expect(txt.sentence).toContain('notes.txt is not a Word file');
  });

  it('refuses input that is not a file name and base64, naming the field and the value', async () => {
    const { api } = await vaultWithPack();
    const notBase64 = await api.fail('verifyPackFile', { name: 'morgan.docx', base64: 'not*base64!' });
    expect(notBase64).toMatchObject({ code: 'invalid', field: 'base64' });
    expect(notBase64.message).toBe('base64: must be base64 (A-Z, a-z, 0-9, + and /), not "not*base64!"');

    const wrongType = await api.fail('verifyPackFile', { name: 42, base64: '' });
    expect(wrongType).toMatchObject({ code: 'invalid', field: 'name' });
    expect(wrongType.message).toBe("name: must be the file's name as text, not 42");

    const bytesAsArray = await api.fail('verifyPackFile', { name: 'a.docx', base64: [1, 2] });
    expect(bytesAsArray).toMatchObject({ field: 'base64', message: "base64: must be the file's bytes in base64, not [1,2]" });

    expect(await api.fail('verifyPackFile', { base64: '' })).toMatchObject({ field: 'name', message: 'name: is required' });
    expect(await api.fail('verifyPackFile', { name: 'a.docx', base64: '', path: '/etc/passwd' })).toMatchObject({ field: 'path' });
    // A long value is shown in part, never whole.
    const long = await api.fail('verifyPackFile', { name: 'a.docx', base64: `${'A'.repeat(60)}#` });
    expect(long.message).toBe(`base64: must be base64 (A-Z, a-z, 0-9, + and /), not "${'A'.repeat(40)}…"`);
  });
});
