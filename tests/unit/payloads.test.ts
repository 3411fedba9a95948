// Stored record payloads on a real encrypted vault: written with their shape version,
// upgraded and validated when read, and a damaged one named precisely (kind, id, owner,
// field, value) by every path that reads records, never reported as "internal error".
import { beforeEach, describe, expect, it } from 'vitest';
import { toErrorBody } from '../../electron/services/api/registry';
import { suppliersForVetting } from '../../electron/services/cases/load';
import type { Ctx } from '../../electron/services/context';
import { AppError } from '../../electron/services/errors';
import { currentPayloadVersion, readPayload, type PayloadUpgrades, type StoredPayloadRow } from '../../electron/services/evidence/payloads';
import { addRecord, listRecords, updateRecord } from '../../electron/services/evidence/records';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { importRows } from '../../electron/services/interchange/spreadsheet';
import { loadSnapshot, loadStaffSnapshot, loadSupplierSnapshot } from '../../electron/services/snapshot';
import { grantExemption, withdrawExemption } from '../../electron/services/staffEvidence/exemptions';
import { attachSupplierDocuments } from '../../electron/services/suppliers/documents';
import { newVault, sampleFirm } from '../support/vaults';
import { thrownBy } from '../support/errors';

let ctx: Ctx;
beforeEach(() => {
  ctx = newVault().ctx;
  importFirmFile(ctx, sampleFirm());
});

const row = (id: number) =>
  ctx.vault.sqlite
    .prepare<[number], StoredPayloadRow>(
      `SELECT id, kind, staff_id AS staffId, supplier_id AS supplierId, data, data_version AS dataVersion FROM records WHERE id = ?`,
    )
    .get(id)!;
const firstOf = (kind: string) => ctx.vault.sqlite.prepare<[string], { id: number }>(`SELECT min(id) AS id FROM records WHERE kind = ?`).get(kind)!.id;
const setData = (id: number, data: string, version = 1) =>
  ctx.vault.sqlite.prepare('UPDATE records SET data = ?, data_version = ? WHERE id = ?').run(data, version, id);

const errorOf = (fn: () => unknown) => thrownBy(fn, AppError);

describe('writing', () => {
  it('stamps every record written with its kind’s current shape version', () => {
    const r = addRecord(ctx, { type: 'staff', ref: 'RR-01' }, 'cpd', { date: '2026-05-01', topic: 'Capacity', provider: 'BABICM' });
    expect(row(r.id).dataVersion).toBe(currentPayloadVersion('cpd'));
    setData(r.id, row(r.id).data, 0); // as if an older writer had forgotten
    updateRecord(ctx, r.id, { date: '2026-05-02', topic: 'Capacity', provider: 'BABICM' });
    expect(row(r.id).dataVersion).toBe(currentPayloadVersion('cpd'));
    expect(JSON.parse(row(r.id).data)).toEqual({ date: '2026-05-02', topic: 'Capacity', provider: 'BABICM' });
  });

  it('cannot store a record without a shape version (the column has no default)', () => {
    expect(() => ctx.vault.sqlite.prepare(`INSERT INTO records (staff_id, kind, data) VALUES (NULL, 'policy', '{}')`).run()).toThrow(
      /NOT NULL constraint failed: records.data_version/,
    );
  });
});

describe('reading', () => {
  // A pretend second shape of CPD entries: version 1 called the hours `duration`, in text.
  // Not idempotent on purpose: applied to a version-2 payload it would lose the hours.
  const upgrades: PayloadUpgrades = { cpd: [({ duration, hours: _h, ...rest }) => ({ ...rest, hours: Number(duration) })] };

  it('upgrades a payload of an older shape version through the registered upgrades, then validates it', () => {
    const id = firstOf('cpd');
    setData(id, JSON.stringify({ date: '2026-02-01', topic: 'Fatigue', provider: 'UKABIF', duration: '2.5' }), 1);
    expect(currentPayloadVersion('cpd', upgrades)).toBe(2);
    expect(readPayload(ctx, row(id), 'cpd', upgrades)).toEqual({ date: '2026-02-01', topic: 'Fatigue', provider: 'UKABIF', hours: 2.5 });
    // Without the upgrade the same payload is not a valid CPD entry, and says which field.
    const err = errorOf(() => readPayload(ctx, row(id), 'cpd'));
    expect(err.code).toBe('damaged');
    expect(err.message).toBe(`The stored cpd record ${id} of staff member RR-01 does not have the shape Caseproof expects: duration is not a known field.`);
    expect(err.field).toBe('duration');
  });

  it('reads a payload already at the current version without upgrading it again', () => {
    const id = firstOf('cpd');
    setData(id, JSON.stringify({ date: '2026-02-01', topic: 'Fatigue', provider: 'UKABIF', hours: 3 }), 2);
    expect(readPayload(ctx, row(id), 'cpd', upgrades)).toMatchObject({ hours: 3 });
  });

  it('refuses a payload written in a newer shape than this version knows', () => {
    const id = firstOf('cpd');
    setData(id, row(id).data, currentPayloadVersion('cpd') + 1);
    const err = errorOf(() => readPayload(ctx, row(id)));
    expect(err.code).toBe('vault-newer');
    expect(err.message).toContain(`cpd record ${id} of staff member RR-01 was written by a newer version of Caseproof`);
  });

  it('names the record, its owner, the field and the value of a payload that does not validate', () => {
    const id = firstOf('indemnity');
    const data = JSON.parse(row(id).data);
    setData(id, JSON.stringify({ ...data, coverGBP: 'five million' }));
    const err = errorOf(() => listRecords(ctx, { type: 'staff', ref: 'RR-01' }));
    expect(err).toBeInstanceOf(AppError);
    expect(err.message).toBe(
      `The stored indemnity record ${id} of staff member RR-01 does not have the shape Caseproof expects: coverGBP must be a number (it holds "five million").`,
    );
    expect(toErrorBody(err)).toEqual({ code: 'damaged', message: err.message, field: 'coverGBP', issues: undefined });
  });

  it('names a payload that is not JSON, one of an unknown kind, and one on the wrong owner', () => {
    const cpd = firstOf('cpd');
    setData(cpd, '{"date": "2026-');
    expect(errorOf(() => readPayload(ctx, row(cpd))).message).toBe(
      `The stored cpd record ${cpd} of staff member RR-01 is not readable (its contents are not valid JSON).`,
    );
    const dbs = firstOf('decision');
    ctx.vault.sqlite.prepare(`UPDATE records SET kind = 'horoscope' WHERE id = ?`).run(dbs);
    expect(errorOf(() => readPayload(ctx, row(dbs))).message).toBe(
      `The stored horoscope record ${dbs} of supplier RS-01 is of a kind this version of Caseproof does not know.`,
    );
    const policy = firstOf('policy');
    ctx.vault.sqlite.prepare(`UPDATE records SET kind = 'cpd' WHERE id = ?`).run(policy);
    expect(errorOf(() => readPayload(ctx, row(policy))).message).toBe(`The stored cpd record ${policy} of the firm cannot belong to the firm.`);
  });
});

describe('reading the same payload again', () => {
  it('validates a payload changed since it was last read: its text, its kind, its owner', () => {
    const id = firstOf('cpd');
    const text = row(id).data;
    expect(readPayload(ctx, row(id))).toEqual(JSON.parse(text));
    setData(id, text.replace(/"date":"[^"]+"/, '"date":"2026-02-30"'));
    expect(errorOf(() => readPayload(ctx, row(id))).message).toContain(
      `cpd record ${id} of staff member RR-01 does not have the shape Caseproof expects: date must be a real date`,
    );
    setData(id, text);
    readPayload(ctx, row(id));
    ctx.vault.sqlite.prepare(`UPDATE records SET kind = 'training' WHERE id = ?`).run(id);
    expect(errorOf(() => readPayload(ctx, row(id))).message).toContain(`training record ${id} of staff member RR-01 does not have the shape`);
    ctx.vault.sqlite.prepare(`UPDATE records SET kind = 'cpd' WHERE id = ?`).run(id);
    const supplier = ctx.vault.sqlite.prepare<[], { id: number }>('SELECT id FROM suppliers').get()!.id;
    ctx.vault.sqlite.prepare('UPDATE records SET staff_id = NULL, supplier_id = ? WHERE id = ?').run(supplier, id);
    expect(errorOf(() => readPayload(ctx, row(id))).message).toBe(`The stored cpd record ${id} of supplier RS-01 cannot belong to a supplier.`);
  });

  it('gives the same answer every time for a stored text the schema would tidy (spaces trimmed)', () => {
    const id = firstOf('cpd');
    setData(id, JSON.stringify({ date: '2026-02-01', topic: '  Fatigue  ', provider: 'UKABIF' }));
    const first = readPayload(ctx, row(id));
    expect(first).toEqual({ date: '2026-02-01', topic: 'Fatigue', provider: 'UKABIF' });
    expect(readPayload(ctx, row(id))).toEqual(first);
  });
});

describe('every path that reads records validates what it reads', () => {
  const damage = (kind: string) => {
    const id = firstOf(kind);
    setData(id, JSON.stringify({ ...JSON.parse(row(id).data), colour: 'green' }));
    return id;
  };
  const damaged = (fn: () => unknown, kind: string, id: number) => {
    const err = errorOf(fn);
    expect(err.code, String(err.stack)).toBe('damaged');
    expect(err.message).toContain(`${kind} record ${id} of`);
    expect(err.message).toContain('colour is not a known field');
  };

  it('the firm snapshot, one person’s, one supplier’s and a record list', () => {
    const cpd = damage('cpd');
    damaged(() => loadSnapshot(ctx), 'cpd', cpd);
    damaged(() => loadStaffSnapshot(ctx, 'RR-01'), 'cpd', cpd);
    damaged(() => listRecords(ctx, { type: 'staff', ref: 'RR-01' }, 'cpd'), 'cpd', cpd);
    const fit = damage('fitnessCheck');
    damaged(() => loadSupplierSnapshot(ctx, 'RS-01'), 'fitnessCheck', fit);
    const policy = damage('policy');
    damaged(() => listRecords(ctx, { type: 'firm' }), 'policy', policy);
  });

  it('the suppliers a case is checked against, the supplier documents and the exemptions', () => {
    const decision = damage('decision');
    damaged(() => suppliersForVetting(ctx, { refs: ['RS-01'] }), 'decision', decision);

    attachSupplierDocuments(ctx, 'RS-01', 'cv', [{ name: 'cv.pdf', bytes: Buffer.from('%PDF-1.4 cv') }]);
    const doc = damage('supplierDocument');
    damaged(() => attachSupplierDocuments(ctx, 'RS-01', 'cv', [{ name: 'cv2.pdf', bytes: Buffer.from('%PDF-1.4 cv2') }]), 'supplierDocument', doc);

    // rules v2: STAFF-DBS cannot be exempted, so a rule that can
    const ex = grantExemption(ctx, { owner: { type: 'staff', ref: 'RR-02' }, rule: 'STAFF-TRAINING-MCA', reason: 'Not client facing', grantedBy: 'Jo Admin' });
    setData(ex.id, JSON.stringify({ ...JSON.parse(row(ex.id).data), colour: 'green' }));
    damaged(() => withdrawExemption(ctx, ex.id), 'exemption', ex.id);
  });

  it('the spreadsheet import’s check for rows already in the vault reads none of them, so a damaged one is still named at its next read', () => {
    // Duplicates are found by each new row's stored text (records_content_idx, sheetPlan.ts):
    // no existing record is read, so a damaged one neither passes as a duplicate nor stops the import.
    const cpd = damage('cpd');
    importRows(ctx, 'cpd', [{ staffRef: 'RR-01', date: '2026-06-01', topic: 'New', provider: 'UKABIF' }]);
    damaged(() => listRecords(ctx, { type: 'staff', ref: 'RR-01' }, 'cpd'), 'cpd', cpd);
  });
});
