// The whole-firm loader (electron/services/snapshot.ts) reads the big tables with statements of
// its own instead of drizzle's select().all(). It must give exactly what the drizzle loader gave
// (tests/support/drizzleSnapshot.ts, the code it replaced): the same values, the same absent
// fields, the same key order (compared as JSON text too), on a real encrypted vault holding the
// Riverside sample and a firm of the bench's shape; and, with fast-check, for case, instruction
// and handover rows with any mix of empty and filled columns (booleans, JSON, nulls).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/services/context';
import { AppError } from '../../electron/services/errors';
import { attachEvidence } from '../../electron/services/evidence/evidence';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { loadCases, loadFirmInfo, loadSnapshot, loadStaffSnapshot, loadSupplierSnapshot } from '../../electron/services/snapshot';
import { firmModel, forgetFirmModel } from '../../electron/services/views/firmModel';
import { drizzleCases, drizzleFirmInfo, drizzleSnapshot, drizzleStaffSnapshot, drizzleSupplierSnapshot } from '../support/drizzleSnapshot';
import { thrownBy } from '../support/errors';
import { scaleFirmFile } from '../support/scaleFirm';
import { newVault, sampleFirm } from '../support/vaults';

/** Equal as values, as absent-versus-undefined fields, and as text (so in key order too). */
function same(got: unknown, want: unknown): void {
  expect(JSON.stringify(got)).toBe(JSON.stringify(want));
  expect(got).toStrictEqual(want);
}

/** The Riverside sample and a firm of the bench's shape (1/20 of its size), with evidence files on some records. */
function seeded(): Ctx {
  const { ctx } = newVault();
  importFirmFile(ctx, sampleFirm());
  importFirmFile(ctx, scaleFirmFile({ staff: 12, cpd: 600, suppliers: 60, cases: 400 }));
  const ids = ctx.vault.sqlite.prepare<[], number>(`SELECT min(id) FROM records GROUP BY kind, staff_id IS NULL, supplier_id IS NULL`).pluck().all();
  ids.forEach((id, k) => attachEvidence(ctx, id, { name: `copy-${k}.pdf`, bytes: Buffer.from(`%PDF-1.4 copy ${k}`) }));
  return ctx;
}

describe('the whole-firm loader', () => {
  it('gives exactly what the drizzle loader gave: the firm, every person, every supplier, every case', () => {
    const ctx = seeded();
    const want = drizzleSnapshot(ctx);
    const got = loadSnapshot(ctx);
    expect(got.staff.length).toBeGreaterThan(12);
    expect(got.cases.length).toBeGreaterThan(400);
    expect(got.staff.flatMap((s) => s.cpd).length).toBeGreaterThan(600);
    expect(got.staff.some((s) => s.cpd.some((r) => r.evidence.length > 0))).toBe(true);
    expect(got.cases.some((c) => c.handovers.length > 0)).toBe(true);
    same(got, want);
    same(loadFirmInfo(ctx), drizzleFirmInfo(ctx));
    same(loadCases(ctx), drizzleCases(ctx));
    for (const s of want.staff) same(loadStaffSnapshot(ctx, s.ref), drizzleStaffSnapshot(ctx, s.ref));
    for (const s of want.suppliers) same(loadSupplierSnapshot(ctx, s.ref), drizzleSupplierSnapshot(ctx, s.ref));
    // Without the people or the cases (the supplier list's first load): the rest as it was.
    same(loadSnapshot(ctx, { staff: false, cases: false }), { ...want, staff: [], cases: [] });
    same(loadSnapshot(ctx, { staff: false }), { ...want, staff: [] });
    // The firm model built from it (what the screens read) holds the same, whichever screen came first.
    forgetFirmModel(ctx.vault);
    same(firmModel(ctx).snapshot, want);
    forgetFirmModel(ctx.vault);
    same(firmModel(ctx, { staff: false, cases: false }).snapshot, { ...want, staff: [], cases: [] });
    same(firmModel(ctx).snapshot, want);
  });

  it('maps case, instruction and handover rows with any mix of empty and filled columns as drizzle did', () => {
    const ctx = seeded();
    const db = ctx.vault.sqlite;
    const one = <T>(sql: string) => db.prepare<[], T>(sql).pluck().get()!;
    const staffId = one<number>('SELECT min(id) FROM staff');
    const otherId = one<number>('SELECT max(id) FROM staff');
    const supplierId = one<number>('SELECT min(id) FROM suppliers');
    const contactId = one<number>('SELECT min(id) FROM contacts');
    const text = fc.option(fc.constantFrom('x', 'Brain injury', ' spaced ', '2026-01-31'), { nil: null });
    const date = fc.option(fc.constantFrom('2025-03-01', '2026-11-24'), { nil: null });
    const practice = fc.constantFrom('{}', '{"inaOn":"2025-04-01"}', '{"consentRecordedOn":"2025-03-02","riskReviewedOn":"2025-09-01"}');
    const journey = fc.constantFrom('{}', '{"goals":[]}', '{"statusHistory":[{"status":"open-active","on":"2025-03-01"}]}');
    const invoices = fc.constantFrom('[]', '[{"number":"INV-1","issuedOn":"2025-05-01","amountGBP":450.5}]');
    const caseRow = fc.record({
      initials: text,
      funding: text,
      injury: text,
      complexity: text,
      closedReason: text,
      referredOn: date,
      openedOn: date,
      closedOn: date,
      practice,
      journey,
    });
    const instruction = fc.record({ service: text, overrideReason: text, invoices, on: fc.constantFrom('2025-03-01', '2025-01-01', '2026-12-31') });
    const handover = fc.record({
      days: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
      informed: fc.constantFrom(0, 1),
      note: text,
      on: date.map((d) => d ?? '2025-06-01'),
    });
    let n = 0;
    fc.assert(
      fc.property(
        fc.array(fc.record({ c: caseRow, i: fc.array(instruction, { maxLength: 3 }), h: fc.array(handover, { maxLength: 2 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        (made) => {
          db.exec('SAVEPOINT fuzz');
          try {
            for (const { c, i, h } of made) {
              const id = db
                .prepare(
                  `INSERT INTO cases (ref, initials, case_manager_id, contact_id, funding, injury, complexity, status, closed_reason, referred_on, opened_on, closed_on, practice, journey)
                 VALUES (?, ?, ?, ?, ?, ?, ?, 'open-active', ?, ?, ?, ?, ?, ?)`,
                )
                .run(
                  `FZ-${n++}`,
                  c.initials,
                  staffId,
                  contactId,
                  c.funding,
                  c.injury,
                  c.complexity,
                  c.closedReason,
                  c.referredOn,
                  c.openedOn,
                  c.closedOn,
                  c.practice,
                  c.journey,
                ).lastInsertRowid;
              for (const x of i)
                db.prepare(`INSERT INTO case_instructions (case_id, supplier_id, "on", service, override_reason, invoices) VALUES (?, ?, ?, ?, ?, ?)`).run(
                  id,
                  supplierId,
                  x.on,
                  x.service,
                  x.overrideReason,
                  x.invoices,
                );
              for (const x of h)
                db.prepare(
                  `INSERT INTO case_handovers (case_id, "on", from_staff_id, to_staff_id, reason, joint_working_days, client_informed, note) VALUES (?, ?, ?, ?, 'leave', ?, ?, ?)`,
                ).run(id, x.on, otherId, staffId, x.days, x.informed, x.note);
            }
            same(loadCases(ctx), drizzleCases(ctx));
          } finally {
            db.exec('ROLLBACK TO fuzz; RELEASE fuzz');
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('names a damaged record in the whole-firm load, even one read (and found sound) before', () => {
    const ctx = seeded();
    loadSnapshot(ctx); // every text validated once, so the next read could take the short cut
    const db = ctx.vault.sqlite;
    const { id, ref } = db
      .prepare<[], { id: number; ref: string }>(
        `SELECT r.id, s.ref FROM records r JOIN staff s ON s.id = r.staff_id WHERE r.kind = 'cpd' ORDER BY r.id LIMIT 1`,
      )
      .get()!;
    db.prepare(`UPDATE records SET data = json_set(data, '$.hours', 'many') WHERE id = ?`).run(id);
    const err = thrownBy(() => loadSnapshot(ctx), AppError);
    expect(err.code).toBe('damaged');
    expect(err.message).toContain(`cpd record ${id} of staff member ${ref}`);
    expect(err.message).toContain('"many"');
    forgetFirmModel(ctx.vault);
    expect(thrownBy(() => firmModel(ctx), AppError).message).toContain(`cpd record ${id} of staff member ${ref}`);
  });
});
