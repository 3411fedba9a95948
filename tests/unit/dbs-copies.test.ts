// DBS certificate copies destroyed on time (issue 12 item 5), over real vaults: at import and at
// unlock, the bytes gone from the vault, the details and fingerprint kept, the firm file carrying
// the destroyed-copy variant both ways, the Dashboard's list, and a late copy refused at attach.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodePlatform } from '../../electron/platform/nodePlatform';
import { buildRegistry } from '../../electron/services/api/handlers';
import { Session } from '../../electron/services/api/session';
import { fixedClock, manualClock } from '../../electron/services/clock';
import { dbsCopiesDue } from '../../electron/services/evidence/dbsCopies';
import { attachEvidence, readEvidence, sha256Hex } from '../../electron/services/evidence/evidence';
import { addRecord } from '../../electron/services/evidence/records';
import { updateSettings } from '../../electron/services/firm/firm';
import { exportFirmFile } from '../../electron/services/interchange/exportFirmFile';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { loadSnapshot } from '../../electron/services/snapshot';
import { createStaff } from '../../electron/services/staff/staff';
import { tempDir } from '../support/tmp';
import { newVault, PASS, sampleFirm } from '../support/vaults';

const PDF = Buffer.from('%PDF-1.4\nDBS certificate copy\n%%EOF\n');

describe('DBS certificate copies', () => {
  it('are destroyed at import when past the firm’s period: bytes gone, details and fingerprint kept, and travel as such', () => {
    const { ctx, vault } = newVault(); // today 24/11/2026; the sample's RR-01 certificate was issued 01/02/2025
    const firm = sampleFirm();
    // The firm's default period (the test fixture keeps its copy for 24 months).
    (firm.firm as { settings?: Record<string, unknown> }).settings = { dbsCopyMonths: 6 };
    importFirmFile(ctx, firm);
    const dbs = loadSnapshot(ctx).staff.find((s) => s.ref === 'RR-01')!.dbs[0];
    const [f] = dbs.evidence;
    const original = Buffer.from(sampleFirm().staff[0].dbs[0].evidence[0].base64, 'base64');
    expect(f).toMatchObject({ name: 'dbs.png', sha256: sha256Hex(original), size: 0 });
    expect(f.destroyed).toEqual({ on: '2026-11-24', by: 'Test User', why: 'DBS Code of Practice: certificate copies kept no longer than 6 months' });
    expect(dbs).toMatchObject({ level: 'enhanced-barred', issuedOn: '2025-02-01' });
    expect(vault.sqlite.prepare('SELECT count(*) FROM evidence_contents WHERE file_id = ?').pluck().get(f.id)).toBe(0);
    expect(() => readEvidence(ctx, f.id)).toThrow(
      /^The copy dbs\.png was destroyed on 24\/11\/2026 \(DBS Code of Practice: .*\); only its details and SHA-256 are kept\.$/,
    );
    // The other files are untouched.
    expect(loadSnapshot(ctx).staff[0].indemnity[0].evidence[0].destroyed).toBeUndefined();

    const exported = exportFirmFile(ctx) as unknown as { staff: { dbs?: { evidence?: Record<string, unknown>[] }[] }[] };
    expect(exported.staff[0].dbs![0].evidence![0]).toEqual({
      name: 'dbs.png',
      mediaType: 'image/png',
      sha256: sha256Hex(original),
      destroyedOn: '2026-11-24',
      destroyedBy: 'Test User',
      why: 'DBS Code of Practice: certificate copies kept no longer than 6 months',
    });
    const b = newVault();
    importFirmFile(b.ctx, JSON.parse(JSON.stringify(exported)));
    expect(loadSnapshot(b.ctx).staff[0].dbs[0].evidence[0]).toMatchObject({ sha256: sha256Hex(original), destroyed: { on: '2026-11-24' } });
  });

  it('reads the version-2 sample’s destroyed copy as given, with who saw the original', () => {
    const { ctx } = newVault();
    importFirmFile(ctx, JSON.parse(readFileSync(path.resolve(__dirname, '../fixtures/riverside-firm-v2.json'), 'utf8')));
    const dbs = loadSnapshot(ctx).staff.find((s) => s.ref === 'RR-01')!.dbs[0];
    expect(dbs.checkedBy).toBe('Sam Practice Manager');
    expect(dbs.evidence[0].destroyed).toEqual({
      on: '2025-08-01',
      by: 'Sam Practice Manager',
      why: 'DBS Code of Practice: certificate copies kept no longer than 6 months',
    });
  });

  it('refuses a destroyed copy anywhere but a DBS check, and content with a fingerprint', () => {
    const { ctx } = newVault();
    const file = sampleFirm();
    file.staff[0].indemnity[0].evidence[0] = { name: 'pi.png', mediaType: 'image/png', sha256: 'a'.repeat(64), destroyedOn: '2026-01-01', why: 'x' };
    file.staff[0].dbs[0].evidence[0].sha256 = 'b'.repeat(64);
    try {
      importFirmFile(ctx, file);
      throw new Error('imported');
    } catch (e) {
      const lines = (e as { issues: { path: string; message: string }[] }).issues.map((i) => `${i.path}: ${i.message}`);
      expect(lines).toContain('staff[0].indemnity[0].evidence[0]: a destroyed copy is kept only for a DBS certificate');
      expect(lines).toContain('staff[0].dbs[0].evidence[0].sha256: is not a known field');
    }
    expect(loadSnapshot(ctx).staff).toHaveLength(0);
  });

  it('are destroyed at unlock on the day they are due, listed on the Dashboard until then', () => {
    const file = path.join(tempDir(), 'firm.cpv');
    const clock = manualClock('2026-01-10');
    const session = new Session(nodePlatform({ user: 'Pat Manager' }), {}, clock);
    session.create(file, PASS, false);
    const ctx = session.ctx();
    createStaff(ctx, { ref: 'A-1', name: 'Amira Khan' });
    const rec = addRecord(ctx, { type: 'staff', ref: 'A-1' }, 'dbs', { level: 'enhanced', issuedOn: '2026-01-01', checkedBy: 'Pat Manager' });
    const meta = ctx.vault.tx(() => attachEvidence(ctx, rec.id, { name: 'dbs.pdf', bytes: PDF }));
    expect(dbsCopiesDue(ctx, 365).items).toEqual([
      { fileId: meta.id, name: 'dbs.pdf', ownerType: 'staff', ref: 'A-1', ownerName: 'Amira Khan', issuedOn: '2026-01-01', dueOn: '2026-07-01' },
    ]);
    expect(dbsCopiesDue(ctx).items).toEqual([]); // not within the 60-day warning window yet
    session.lock();
    clock.set('2026-06-30');
    session.unlock(file, PASS, false);
    expect(readEvidence(session.ctx(), meta.id).bytes.equals(PDF)).toBe(true);
    expect(dbsCopiesDue(session.ctx()).items.map((i) => i.dueOn)).toEqual(['2026-07-01']);
    session.lock();
    clock.set('2026-07-01');
    session.unlock(file, PASS, false);
    const after = loadSnapshot(session.ctx()).staff[0].dbs[0];
    expect(after.evidence[0]).toMatchObject({ sha256: sha256Hex(PDF), destroyed: { on: '2026-07-01', by: 'Pat Manager' } });
    expect(after.checkedBy).toBe('Pat Manager');
    expect(dbsCopiesDue(session.ctx()).items).toEqual([]);
    session.lock();
  });

  it('a longer period keeps copies longer; a copy already past it is refused at attach, saying why', async () => {
    const { ctx, vault } = newVault();
    createStaff(ctx, { ref: 'A-1', name: 'Amira Khan' });
    const rec = addRecord(ctx, { type: 'staff', ref: 'A-1' }, 'dbs', { level: 'enhanced', issuedOn: '2026-04-01' });
    const session = new Session(nodePlatform(), {}, fixedClock('2026-11-24'));
    vault.close();
    session.unlock(vault.path, PASS, false);
    const registry = buildRegistry(session);
    const r = await registry.call('attachEvidence', { recordId: rec.id, name: 'dbs.pdf', base64: PDF.toString('base64') });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toBe(
      'This DBS certificate was issued on 01/04/2026: the firm keeps copies for 6 months after the check (until 01/10/2026), as the DBS Code of Practice asks, so a copy is not kept now. Record who saw the original in the DBS check instead.',
    );
    updateSettings(session.ctx(), { dbsCopyMonths: 12 });
    const ok = await registry.call('attachEvidence', { recordId: rec.id, name: 'dbs.pdf', base64: PDF.toString('base64') });
    expect(ok.ok).toBe(true);
    expect(dbsCopiesDue(session.ctx(), 365).items.map((i) => i.dueOn)).toEqual(['2027-04-01']);
    session.lock();
  });
});
