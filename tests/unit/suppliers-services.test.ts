// Supplier vetting services over a real encrypted vault: decisions, vetting-file documents,
// the supplier list's vetting states, per-service minimums, the registry operations, and a
// firm-file round trip of a supplier with every section, decisions and evidence.
import { fixedClock } from '../../electron/services/clock';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getFirm, updateSettings } from '../../electron/services/firm/firm';
import { AppError } from '../../electron/services/errors';
import { addRecord, listRecords } from '../../electron/services/evidence/records';
import { attachEvidence, readEvidence, sha256Hex } from '../../electron/services/evidence/evidence';
import { exportFirmFile } from '../../electron/services/interchange/exportFirmFile';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { recordDecision } from '../../electron/services/suppliers/decisions';
import { attachSupplierDocument, attachSupplierDocuments } from '../../electron/services/suppliers/documents';
import { setIndemnityMinimums } from '../../electron/services/suppliers/minimums';
import { createSupplier } from '../../electron/services/suppliers/suppliers';
import { supplierFile, supplierList } from '../../electron/services/suppliers/vettingFile';
import { buildRegistry } from '../../electron/services/api/handlers';
import { Session } from '../../electron/services/api/session';
import { nodePlatform } from '../../electron/platform/nodePlatform';
import { makePng } from '../support/png';
import { tempDir } from '../support/tmp';
import { ctxFor, newVault, PASS } from '../support/vaults';
import { thrownBy } from '../support/errors';

const errorOf = (fn: () => unknown) => thrownBy(fn, AppError);
const PNG = Buffer.from(makePng(8, 8, [40, 90, 160]));
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const sup = (ref: string, over: object = {}) => ({ ref, name: `Supplier ${ref}`, kind: 'organisation' as const, services: ['physiotherapy'], ...over });
const count = (ctx: ReturnType<typeof newVault>['ctx'], table: string) =>
  (ctx.vault.sqlite.prepare(`SELECT count(*) n FROM ${table}`).get() as { n: number }).n;

/** A supplier with every part of the vetting file, each record with evidence, meeting every rule on 2026-11-24. */
function fullSupplierFile() {
  const file = (name: string, bytes: Uint8Array, mediaType: string) => [{ name, mediaType, base64: b64(bytes) }];
  return {
    format: 'caseproof-firm',
    version: 1,
    firm: {
      name: 'Wharfe Case Management',
      codeOfConductSignatory: true,
      settings: { supplierIndemnityMinGBP: 1_000_000, supplierIndemnityMinByService: { psychology: 5_000_000, equipment: 250_000 } },
    },
    suppliers: [
      {
        ref: 'SP-10',
        name: 'Moorside Psychology',
        kind: 'individual',
        services: ['psychology', 'neuropsychological assessment'],
        soleTrader: true,
        safeguardsNote: 'Monthly clinical supervision; lone-worker app',
        worksWithClients: true,
        cvOnFile: true,
        safeguardingOn: '2025-03-01',
        serviceArea: 'Leeds and Bradford',
        acceptanceCriteria: 'Adults with brain injury; no acute psychosis',
        evidenceBase: 'NICE NG211',
        contact: 'Dr R Patel, 0113 000 0000',
        indemnity: [{ insurer: 'Howden', coverGBP: 6_000_000, expiresOn: '2027-08-31', evidence: file('pi.pdf', PDF, 'application/pdf') }],
        qualifications: [{ body: 'HCPC', number: 'PYL12345', evidence: file('hcpc.png', PNG, 'image/png') }],
        dbs: [
          {
            level: 'enhanced',
            certificateNumber: '001234567890',
            // recent enough that its copy is still kept (DBS copies go 6 months after issue)
            issuedOn: '2026-08-01',
            updateService: true,
            lastStatusCheckOn: '2026-10-01',
            evidence: file('dbs.pdf', PDF, 'application/pdf'),
          },
        ],
        regulatory: [{ scheme: 'ICO', reference: 'ZB123456', expiresOn: '2027-04-30', evidence: file('ico.png', PNG, 'image/png') }],
        fitnessChecks: [{ checkedOn: '2026-09-15', register: 'HCPC', result: 'clear', note: 'No sanctions', evidence: file('register.png', PNG, 'image/png') }],
        decisions: [
          { decision: 'conditional', by: 'Kim Byrne', on: '2025-09-01', nextReviewOn: '2026-09-01', note: 'Supervision notes each quarter' },
          { decision: 'approved', by: 'Kim Byrne', on: '2026-09-20', nextReviewOn: '2027-09-20', evidence: file('minutes.pdf', PDF, 'application/pdf') },
        ],
        exemptions: [{ rule: 'SUP-EVIDENCE-BASED', reason: 'Assessment only', grantedBy: 'Kim Byrne', grantedOn: '2026-01-05' }],
        documents: [
          { topic: 'cv', title: 'CV and experience', evidence: file('cv.pdf', PDF, 'application/pdf') },
          { topic: 'safeguarding', title: 'Safeguarding certificate', evidence: file('safeguarding.png', PNG, 'image/png') },
        ],
      },
    ],
  };
}

describe('vetting decisions', () => {
  it('records approvals and rejections as decision records, with the rules of the panel', () => {
    const { ctx } = newVault();
    createSupplier(ctx, sup('SP-1'));
    const r = recordDecision(ctx, { ref: 'SP-1', decision: 'approved', by: 'Pat Manager', on: '2026-11-24', nextReviewOn: '2027-11-24', note: '  ' });
    expect(r).toMatchObject({ kind: 'decision', data: { decision: 'approved', by: 'Pat Manager', on: '2026-11-24', nextReviewOn: '2027-11-24' } });
    expect(r.data).not.toHaveProperty('note');
    const rej = recordDecision(ctx, {
      ref: 'SP-1',
      decision: 'rejected',
      by: 'Pat Manager',
      on: '2026-11-24',
      nextReviewOn: '2027-01-01',
      note: ' Lapsed HCPC ',
    });
    expect(rej.data).toMatchObject({ decision: 'rejected', note: 'Lapsed HCPC' });
    expect(rej.data).not.toHaveProperty('nextReviewOn');
    expect(listRecords(ctx, { type: 'supplier', ref: 'SP-1' }, 'decision')).toHaveLength(2);
    expect(supplierList(ctx)[0]!.vetting).toMatchObject({ state: 'rejected', decidedOn: '2026-11-24' });
  });
  it('refuses what the panel refuses, naming the field, and writes nothing', () => {
    const { ctx } = newVault();
    createSupplier(ctx, sup('SP-1'));
    const future = errorOf(() => recordDecision(ctx, { ref: 'SP-1', decision: 'approved', by: 'P', on: '2026-11-25', nextReviewOn: '2027-11-25' }));
    expect([future.field, future.message]).toEqual(['on', 'The decision date cannot be later than today (24/11/2026).']);
    const cond = errorOf(() => recordDecision(ctx, { ref: 'SP-1', decision: 'conditional', by: 'P', on: '2026-11-01', nextReviewOn: '2027-11-01' }));
    expect([cond.field, cond.message]).toEqual(['note', 'note: is required: write the conditions of the approval']);
    const review = errorOf(() => recordDecision(ctx, { ref: 'SP-1', decision: 'approved', by: 'P', on: '2026-11-01', nextReviewOn: '2026-10-01' }));
    expect(review.field).toBe('nextReviewOn');
    expect(errorOf(() => recordDecision(ctx, { ref: 'NOPE', decision: 'rejected', by: 'P', on: '2026-11-01', note: 'x' })).code).toBe('not-found');
    expect(count(ctx, 'records')).toBe(0);
  });
});

describe('vetting-file documents', () => {
  it('keeps one record per topic, records the CV as on file, and shows the files in the vetting file', () => {
    const { ctx } = newVault();
    createSupplier(ctx, sup('SP-1'));
    expect(supplierFile(ctx, 'SP-1').supplier.cvOnFile).toBeUndefined();
    const m = attachSupplierDocument(ctx, 'SP-1', 'cv', 'cv.pdf', b64(PDF));
    expect(m).toMatchObject({ name: 'cv.pdf', mediaType: 'application/pdf', sha256: sha256Hex(PDF), addedBy: 'Test User' });
    attachSupplierDocument(ctx, 'SP-1', 'cv', 'cv-page2.png', b64(PNG));
    attachSupplierDocument(ctx, 'SP-1', 'safeguarding', 'level3.png', b64(PNG));
    const f = supplierFile(ctx, 'SP-1');
    expect(f.supplier.cvOnFile).toBe(true);
    expect(f.supplier.documents.map((d) => [d.topic, d.title, d.evidence.map((e) => e.name)])).toEqual([
      ['cv', 'CV and experience', ['cv.pdf', 'cv-page2.png']],
      ['safeguarding', 'Safeguarding certificate', ['level3.png']],
    ]);
    expect(f.report.rules.find((r) => r.rule === 'SUP-EXPERIENCE')!.status).toBe('met');
    expect(readEvidence(ctx, m.id).bytes.equals(PDF)).toBe(true);
  });
  it('attaches all files or none, and refuses what is not a document or an image', () => {
    const { ctx } = newVault();
    createSupplier(ctx, sup('SP-1'));
    const e = errorOf(() =>
      attachSupplierDocuments(ctx, 'SP-1', 'cv', [
        { name: 'cv.pdf', bytes: PDF },
        { name: 'notes.txt', bytes: Buffer.from('plain text') },
      ]),
    );
    expect(e.message).toContain('notes.txt is not a PDF, an image');
    expect([count(ctx, 'records'), count(ctx, 'evidence_files')]).toEqual([0, 0]);
    expect(supplierFile(ctx, 'SP-1').supplier.cvOnFile).toBeUndefined();
    expect(errorOf(() => attachSupplierDocument(ctx, 'SP-1', 'cv', 'x.pdf', 'not base64!')).field).toBe('file');
  });
});

describe('the supplier list', () => {
  it('gives each supplier its overall status, vetting state and next review date, by name', () => {
    const { ctx } = newVault();
    importFirmFile(ctx, fullSupplierFile());
    createSupplier(ctx, sup('SP-2', { name: 'Aire Equipment', services: ['equipment'] }));
    createSupplier(ctx, sup('SP-3', { name: 'Calder Care' }));
    recordDecision(ctx, { ref: 'SP-3', decision: 'rejected', by: 'Kim Byrne', on: '2026-10-01', note: 'No CQC registration' });
    const list = supplierList(ctx);
    expect(list.map((s) => [s.ref, s.status, s.vetting.state, s.vetting.nextReviewOn])).toEqual([
      ['SP-2', 'not_met', 'not-vetted', undefined],
      ['SP-3', 'not_met', 'rejected', undefined],
      ['SP-10', 'met', 'approved', '2027-09-20'],
    ]);
    // A year on the approval's review date has passed and the indemnity has expired.
    const later = supplierList(ctxFor(ctx.vault, '2027-09-20')).find((s) => s.ref === 'SP-10')!;
    expect(later.vetting.state).toBe('needs-revetting');
    expect(later.vetting.reason).toContain('review due on 20/09/2027 has passed');
    // Evidence expired while the approval is in date: needs re-vetting too.
    const expired = supplierList(ctxFor(ctx.vault, '2027-09-01')).find((s) => s.ref === 'SP-10')!;
    expect(expired.vetting.state).toBe('needs-revetting');
    expect(expired.vetting.reason).toContain('since then not met: professional indemnity');
  });
});

describe('minimum indemnity per service', () => {
  it('is stored in the firm settings, used by SUP-INDEMNITY, and kept when other settings are saved', () => {
    const { ctx } = newVault();
    createSupplier(ctx, sup('SP-1', { services: ['Psychology', 'physiotherapy'] }));
    addRecord(ctx, { type: 'supplier', ref: 'SP-1' }, 'supplierIndemnity', { insurer: 'Howden', coverGBP: 2_000_000, expiresOn: '2027-06-30' });
    const indemnity = () => supplierFile(ctx, 'SP-1').report.rules.find((r) => r.rule === 'SUP-INDEMNITY')!;
    expect(indemnity().status).toBe('met');
    setIndemnityMinimums(ctx, { defaultGBP: 1_500_000, byService: { ' psychology ': 3_000_000, Hydrotherapy: 2_000_000 } });
    expect(getFirm(ctx).settings).toMatchObject({
      supplierIndemnityMinGBP: 1_500_000,
      supplierIndemnityMinByService: { psychology: 3_000_000, Hydrotherapy: 2_000_000 },
    });
    expect(indemnity()).toMatchObject({ status: 'not_met' });
    expect(indemnity().reason).toContain('below £3,000,000 for Psychology');
    const f = supplierFile(ctx, 'SP-1');
    expect(f.indemnityMin).toEqual({ minGBP: 3_000_000, service: 'Psychology' });
    expect(f.knownServices).toContain('Hydrotherapy');
    expect(f.knownServices.filter((s) => s.toLowerCase() === 'psychology')).toHaveLength(1);
    // The Settings page saves the other settings with the map it was given: nothing lost.
    updateSettings(ctx, { ...getFirm(ctx).settings, warningDays: 30 });
    expect(getFirm(ctx).settings.supplierIndemnityMinByService).toEqual({ psychology: 3_000_000, Hydrotherapy: 2_000_000 });
    // Replacing: a service left out is no longer special.
    setIndemnityMinimums(ctx, { defaultGBP: 1_000_000, byService: {} });
    expect(indemnity().status).toBe('met');
    const dup = errorOf(() => setIndemnityMinimums(ctx, { defaultGBP: 1_000_000, byService: { Psychology: 1, psychology: 2 } }));
    expect(dup.message).toBe('psychology is listed twice.');
    expect(errorOf(() => setIndemnityMinimums(ctx, { defaultGBP: 1_000_000, byService: { equipment: -5 } })).message).toContain(
      'must be a positive number of pounds',
    );
  });
});

describe('firm file round trip of a supplier', () => {
  it('exports every section, decision, document, exemption and file, and imports them back unchanged', () => {
    const a = newVault();
    const source = fullSupplierFile();
    importFirmFile(a.ctx, source);
    const out = exportFirmFile(a.ctx);
    // Version 2 writes a document's topic as `kind` (interchange.md); earlier files' `topic` is read.
    // An exemption without an expiry gets the default on import: 12 months after the grant.
    const asWritten = source.suppliers.map((s) => ({
      ...s,
      documents: s.documents.map(({ topic, ...d }) => ({ kind: topic, ...d })),
      exemptions: s.exemptions.map((e) => ({ ...e, expiresOn: '2027-01-05' })),
    }));
    expect(out.suppliers).toEqual(asWritten);
    expect(out.firm!.settings).toMatchObject(source.firm.settings);
    const b = newVault();
    const sum = importFirmFile(b.ctx, JSON.parse(JSON.stringify(out)));
    expect(sum.added).toMatchObject({ suppliers: 1, records: 10, files: 8 });
    const again = exportFirmFile(b.ctx);
    expect(again.suppliers).toEqual(out.suppliers);
    expect(again.firm!.settings).toEqual(out.firm!.settings);
    // And it is judged the same way in both vaults.
    expect(supplierFile(b.ctx, 'SP-10').report).toEqual(supplierFile(a.ctx, 'SP-10').report);
    expect(supplierFile(b.ctx, 'SP-10').report.status).toBe('met');
    expect(supplierFile(b.ctx, 'SP-10').indemnityMin).toEqual({ minGBP: 5_000_000, service: 'psychology' });
  });
  it('refuses a document with an unknown topic, naming the path', () => {
    const { ctx } = newVault();
    const f = fullSupplierFile();
    (f.suppliers[0]!.documents[0] as { topic: string }).topic = 'passport';
    const e = errorOf(() => importFirmFile(ctx, f));
    expect(e.message).toContain('suppliers[0].documents[0].topic: must be one of cv, safeguarding');
  });
});

describe('supplier operations through the registry', () => {
  async function session() {
    const dir = tempDir();
    const platform = nodePlatform({ user: 'Pat Manager' });
    const s = new Session(platform, {}, fixedClock('2026-11-24'));
    const reg = buildRegistry(s);
    await reg.call('createVault', { path: path.join(dir, 'v.cpv'), passphrase: PASS, remember: false });
    await reg.call('createSupplier', sup('SP-1'));
    return { dir, platform, reg };
  }
  it('attaches from the file dialog (and a cancelled dialog adds nothing)', async () => {
    const { dir, platform, reg } = await session();
    const f1 = path.join(dir, 'safeguarding.pdf');
    writeFileSync(f1, PDF);
    platform.dialogAnswers.push(null);
    expect(await reg.call('attachSupplierDocumentFromDialog', { ref: 'SP-1', topic: 'safeguarding' })).toEqual({ ok: true, value: [] });
    platform.dialogAnswers.push([f1]);
    const r = await reg.call('attachSupplierDocumentFromDialog', { ref: 'SP-1', topic: 'safeguarding' });
    expect(r).toMatchObject({ ok: true, value: [{ name: 'safeguarding.pdf', addedBy: 'Pat Manager' }] });
    const file = await reg.call('supplierFile', { ref: 'SP-1' });
    expect(file.ok && file.value.supplier.documents.map((d) => d.topic)).toEqual(['safeguarding']);
    expect(file.ok && file.value.user).toBe('Pat Manager');
  });
  it('validates decisions at the boundary with the field named', async () => {
    const { reg } = await session();
    const r = await reg.call('recordSupplierDecision', { ref: 'SP-1', decision: 'rejected', by: 'Pat Manager', on: '2026-11-24' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid', field: 'note' } });
    const ok = await reg.call('recordSupplierDecision', { ref: 'SP-1', decision: 'approved', by: 'Pat Manager', on: '2026-11-24', nextReviewOn: '2027-11-24' });
    expect(ok.ok).toBe(true);
    const list = await reg.call('supplierList', {});
    expect(list.ok && list.value[0]!.vetting.state).toBe('approved');
  });
});

// attachEvidence is used directly to prove the generic record evidence path still works for decisions.
describe('evidence on a decision record', () => {
  it('can be attached and is exported with the decision', () => {
    const { ctx } = newVault();
    createSupplier(ctx, sup('SP-1'));
    const d = recordDecision(ctx, { ref: 'SP-1', decision: 'approved', by: 'P', on: '2026-11-01', nextReviewOn: '2027-11-01' });
    ctx.vault.tx(() => attachEvidence(ctx, d.id, { name: 'panel-minutes.png', bytes: PNG }));
    expect(exportFirmFile(ctx).suppliers![0]!.decisions![0]!.evidence).toEqual([{ name: 'panel-minutes.png', mediaType: 'image/png', base64: b64(PNG) }]);
  });
});
