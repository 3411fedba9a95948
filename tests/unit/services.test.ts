// Services over a real encrypted vault: staff, firm, evidence, the firm file, the registry.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/services/errors';
import { createStaff, deleteStaff, listStaff, updateStaff } from '../../electron/services/staff/staff';
import { getFirm, updateSettings } from '../../electron/services/firm/firm';
import { addRecord, listRecords } from '../../electron/services/evidence/records';
import { attachEvidence, readEvidence, sha256Hex } from '../../electron/services/evidence/evidence';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { exportFirmFile } from '../../electron/services/interchange/exportFirmFile';
import { loadSnapshot } from '../../electron/services/snapshot';
import { newVault, sampleFirm } from '../support/vaults';
import { thrownBy } from '../support/errors';

const errorOf = (fn: () => unknown) => thrownBy(fn, AppError);
const counts = (ctx: ReturnType<typeof newVault>['ctx']) =>
  ctx.vault.sqlite
    .prepare('SELECT (SELECT count(*) FROM staff) s, (SELECT count(*) FROM records) r, (SELECT count(*) FROM evidence_files) f, (SELECT count(*) FROM cases) c')
    .get();

describe('staff', () => {
  it('adds, edits and deletes a staff member', () => {
    const { ctx } = newVault();
    createStaff(ctx, { ref: 'A-1', name: 'Sam Patel', profession: 'Nurse', daysPerWeek: 4 });
    expect(listStaff(ctx).map((s) => [s.ref, s.name, s.daysPerWeek])).toEqual([['A-1', 'Sam Patel', 4]]);
    updateStaff(ctx, 'A-1', { ref: 'A-1', name: 'Sam Patel-Jones', profession: 'Nurse' });
    const [s] = listStaff(ctx);
    expect(s.name).toBe('Sam Patel-Jones');
    expect(s.daysPerWeek).toBeUndefined(); // an emptied field is cleared
    deleteStaff(ctx, 'A-1');
    expect(listStaff(ctx)).toEqual([]);
  });

  it('names the field in validation errors and writes nothing', () => {
    const { ctx } = newVault();
    const e = errorOf(() => createStaff(ctx, { ref: 'A-1', name: 'Sam', daysPerWeek: 9 }));
    expect(e.code).toBe('invalid');
    expect(e.field).toBe('daysPerWeek');
    expect(e.message).toMatch(/daysPerWeek: must be at most 7/);
    const d = errorOf(() => createStaff(ctx, { ref: 'A-2', name: 'Sam', qualifiedOn: '2026-02-30' }));
    expect(d.field).toBe('qualifiedOn');
    expect(d.message).toMatch(/real date/);
    const u = errorOf(() => createStaff(ctx, { ref: 'A-3', name: 'Sam', nickname: 'S' }));
    expect(u.message).toMatch(/nickname: is not a known field/);
    expect(listStaff(ctx)).toEqual([]);
  });

  it('refuses a duplicate reference on the ref field', () => {
    const { ctx } = newVault();
    createStaff(ctx, { ref: 'A-1', name: 'Sam' });
    const e = errorOf(() => createStaff(ctx, { ref: 'A-1', name: 'Other' }));
    expect([e.code, e.field]).toEqual(['conflict', 'ref']);
  });

  it('refuses to delete someone who still manages cases', () => {
    const { ctx } = newVault();
    importFirmFile(ctx, sampleFirm());
    const e = errorOf(() => deleteStaff(ctx, 'RR-01'));
    expect(e.message).toMatch(/Morgan Ellis still manages 1 case; hand them over/);
    expect(listStaff(ctx)).toHaveLength(2);
  });
});

describe('evidence records and files', () => {
  it('validates each kind of record: cover must be a positive number, expiry not before start', () => {
    const { ctx } = newVault();
    createStaff(ctx, { ref: 'A-1', name: 'Sam' });
    const owner = { type: 'staff' as const, ref: 'A-1' };
    expect(errorOf(() => addRecord(ctx, owner, 'indemnity', { insurer: 'X', coverGBP: -5, expiresOn: '2027-01-01', heldBy: 'self' })).message).toMatch(
      /coverGBP: must be a positive number/,
    );
    expect(errorOf(() => addRecord(ctx, owner, 'indemnity', { insurer: 'X', coverGBP: 'lots', expiresOn: '2027-01-01', heldBy: 'self' })).message).toMatch(
      /coverGBP: must be a number/,
    );
    expect(
      errorOf(() => addRecord(ctx, owner, 'indemnity', { insurer: 'X', coverGBP: 5e6, startsOn: '2027-02-01', expiresOn: '2027-01-01', heldBy: 'self' })).field,
    ).toBe('expiresOn');
    expect(errorOf(() => addRecord(ctx, owner, 'decision', { decision: 'approved', by: 'K', on: '2026-01-01' })).message).toMatch(/cannot hold a decision/);
    const r = addRecord(ctx, owner, 'indemnity', { insurer: 'X', coverGBP: 5e6, expiresOn: '2027-01-01', heldBy: 'self' });
    expect(listRecords(ctx, owner).map((x) => x.id)).toEqual([r.id]);
  });

  it('stores files inside the vault with their fingerprint, and refuses wrong types and empty files', () => {
    const { ctx } = newVault();
    createStaff(ctx, { ref: 'A-1', name: 'Sam' });
    const r = addRecord(ctx, { type: 'staff', ref: 'A-1' }, 'dbs', { level: 'enhanced', issuedOn: '2025-01-01' });
    const bytes = Buffer.from('%PDF-1.7 example certificate');
    const meta = attachEvidence(ctx, r.id, { name: 'dbs.pdf', bytes });
    expect(meta).toMatchObject({ name: 'dbs.pdf', mediaType: 'application/pdf', size: bytes.length, sha256: sha256Hex(bytes), addedBy: 'Test User' });
    expect(readEvidence(ctx, meta.id).bytes.equals(bytes)).toBe(true);
    expect(errorOf(() => attachEvidence(ctx, r.id, { name: 'run.exe', bytes: Buffer.from('MZ\x90\x00binary') })).message).toMatch(/not a PDF, an image/);
    expect(errorOf(() => attachEvidence(ctx, r.id, { name: 'x.pdf', bytes: Buffer.alloc(0) })).message).toMatch(/empty/);
  });

  it('refuses a file over 25 MB with its size in the message', () => {
    const { ctx } = newVault();
    createStaff(ctx, { ref: 'A-1', name: 'Sam' });
    const r = addRecord(ctx, { type: 'staff', ref: 'A-1' }, 'dbs', { level: 'enhanced', issuedOn: '2025-01-01' });
    const big = Buffer.alloc(25 * 1024 * 1024 + 1);
    big.write('%PDF');
    const e = errorOf(() => attachEvidence(ctx, r.id, { name: 'scan.pdf', bytes: big }));
    expect(e.message).toMatch(/scan\.pdf is 25\.0 MB; evidence files can be at most 25 MB/);
  });
});

describe('firm file import and export', () => {
  it('imports the sample firm and reports what it added', () => {
    const { ctx } = newVault();
    const s = importFirmFile(ctx, sampleFirm());
    expect(s.added).toEqual({ staff: 2, suppliers: 1, cases: 1, records: 19, files: 3 });
    expect(getFirm(ctx).name).toBe('Riverside Rehabilitation Case Management');
    const snap = loadSnapshot(ctx);
    expect(snap.staff[0].indemnity[0].evidence[0]).toMatchObject({ name: 'pi.png', mediaType: 'image/png' });
    expect(snap.cases[0].instructions).toEqual([{ supplier: 'RS-01', on: '2026-10-05', service: 'neuro physiotherapy' }]);
  });

  it('is all or nothing: one bad field anywhere rejects the file, naming every JSON path, and writes nothing', () => {
    const { ctx } = newVault();
    const bad = sampleFirm();
    bad.staff[1].indemnity[0].coverGBP = 'five million';
    bad.staff[0].cpd[0].date = '2026-13-01';
    bad.cases[0].caseManager = 'NOBODY';
    bad.suppliers[0].colour = 'blue';
    const before = counts(ctx);
    let e: AppError | undefined;
    try {
      importFirmFile(ctx, bad);
    } catch (x) {
      e = x as AppError;
    }
    expect(e?.code).toBe('invalid');
    const paths = e!.issues!.map((i) => `${i.path}: ${i.message}`);
    expect(paths).toContain('staff[1].indemnity[0].coverGBP: must be a number');
    expect(paths.some((p) => p.startsWith('staff[0].cpd[0].date: must be a real date'))).toBe(true);
    expect(paths).toContain('suppliers[0].colour: is not a known field');
    expect(counts(ctx)).toEqual(before);
  });

  it('rejects a case whose manager does not exist, in the words of the case form', () => {
    const { ctx } = newVault();
    const bad = sampleFirm();
    bad.cases[0].caseManager = 'NOBODY';
    expect(() => importFirmFile(ctx, bad)).toThrow(/cases\[0\]\.caseManager: does not match any staff member \(NOBODY\)/);
    expect(counts(ctx)).toMatchObject({ s: 0, r: 0 });
  });

  it('rejects evidence that is not a document or image, naming where it is', () => {
    const { ctx } = newVault();
    const bad = sampleFirm();
    bad.staff[0].dbs[0].evidence[0].base64 = Buffer.from('#!/bin/sh\necho hi').toString('base64');
    expect(() => importFirmFile(ctx, bad)).toThrow(/staff\[0\]\.dbs\[0\]\.evidence\[0\]: dbs\.png is not a PDF/);
  });

  it('round-trips: export then import into a new vault gives the same firm', () => {
    const a = newVault();
    // The firm's default period for DBS copies (the test fixture keeps its copy for 24 months).
    const firm = sampleFirm();
    (firm.firm as { settings?: Record<string, unknown> }).settings = { dbsCopyMonths: 6 };
    importFirmFile(a.ctx, firm);
    const exported = exportFirmFile(a.ctx);
    const b = newVault();
    importFirmFile(b.ctx, JSON.parse(JSON.stringify(exported)));
    expect(exportFirmFile(b.ctx)).toEqual(exported);
    const strip = (s: ReturnType<typeof loadSnapshot>) => JSON.parse(JSON.stringify(s, (k, v) => (k === 'id' ? undefined : v)));
    expect(strip(loadSnapshot(b.ctx))).toEqual(strip(loadSnapshot(a.ctx)));
    // The sample's DBS copy (issued 01/02/2025) is past the firm's 6 months on 24/11/2026: destroyed at import, its fingerprint travels.
    expect((exported.staff![0].dbs![0] as { evidence: unknown[] }).evidence[0]).toMatchObject({
      name: 'dbs.png',
      sha256: sha256Hex(Buffer.from(sampleFirm().staff[0].dbs[0].evidence[0].base64, 'base64')),
      destroyedOn: '2026-11-24',
    });
    expect((exported.staff![0].indemnity![0] as { evidence: { base64: string }[] }).evidence[0].base64).toBe(
      sampleFirm().staff[0].indemnity[0].evidence[0].base64,
    );
  });

  it('updates records matched on ref: a list present in the file replaces that list', () => {
    const { ctx } = newVault();
    importFirmFile(ctx, sampleFirm());
    const s = importFirmFile(ctx, { format: 'caseproof-firm', version: 1, staff: [{ ref: 'RR-02', name: 'Toni Reyes', cpd: [] }] });
    expect(s.updated.staff).toBe(1);
    const snap = loadSnapshot(ctx);
    const toni = snap.staff.find((x) => x.ref === 'RR-02')!;
    expect(toni.cpd).toEqual([]);
    expect(toni.indemnity).toHaveLength(1); // not in the file: kept
  });
});

describe('settings', () => {
  it('validates and saves the firm settings', () => {
    const { ctx } = newVault();
    expect(() => updateSettings(ctx, { warningDays: 0 })).toThrow(/warningDays/);
    expect(updateSettings(ctx, { warningDays: 30 }).settings.warningDays).toBe(30);
    expect(getFirm(ctx).settings.caseloadPerDayMax).toBe(8);
  });
});

describe('transactions', () => {
  it('an import that fails part-way through writing leaves the vault exactly as it was', () => {
    const { ctx } = newVault();
    // A failure no validation can foresee (a disk or constraint error mid-write), forced with a trigger.
    ctx.vault.sqlite.exec("CREATE TRIGGER boom BEFORE INSERT ON cases WHEN NEW.ref = 'RC-100' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END");
    const before = counts(ctx);
    expect(() => importFirmFile(ctx, sampleFirm())).toThrow(/simulated failure/);
    expect(counts(ctx)).toEqual(before);
    expect(getFirm(ctx).name).toBe('');
  });
});

describe('one person or supplier, without loading the firm', () => {
  it('gives exactly what the full snapshot holds for them, and names an unknown ref', async () => {
    const { loadStaffSnapshot, loadSupplierSnapshot } = await import('../../electron/services/snapshot');
    const { ctx } = newVault();
    importFirmFile(ctx, sampleFirm());
    const full = loadSnapshot(ctx);
    for (const s of full.staff) expect(loadStaffSnapshot(ctx, s.ref)).toEqual(s);
    for (const s of full.suppliers) expect(loadSupplierSnapshot(ctx, s.ref)).toEqual(s);
    expect(full.staff[0].indemnity[0].evidence).toHaveLength(1); // files come along
    expect(() => loadStaffSnapshot(ctx, 'NOBODY')).toThrow(/Staff member NOBODY was not found/);
  });
});
