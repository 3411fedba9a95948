// The screen operations (issue 9 item 3) give the same verdicts as the full evaluation
// (evaluate over loadSnapshot) on a seeded firm, on a real encrypted vault, and keep doing so
// after changes made through this connection or another one (the app's job worker has its own).
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openVault } from '../../db/client';
import { records, staff } from '../../db/schema';
import { MIGRATIONS } from '../../db/migrations';
import { changeTriggers } from '../../db/migrations/0004_change_counts';
import { dueList, evaluate, engineContext, evaluateSupplier } from '../../electron/services/compliance/engine';
import { buildRegistry } from '../../electron/services/api/handlers';
import { Session } from '../../electron/services/api/session';
import { fixedClock } from '../../electron/services/clock';
import type { Ctx } from '../../electron/services/context';
import { addRecord } from '../../electron/services/evidence/records';
import { attachEvidence, deleteEvidence } from '../../electron/services/evidence/evidence';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { loadSnapshot, loadStaffSnapshot, loadSupplierSnapshot } from '../../electron/services/snapshot';
import { deleteStaff, updateStaff } from '../../electron/services/staff/staff';
import { supplierFile, supplierList } from '../../electron/services/suppliers/vettingFile';
import { decisionInForce, supplierVetting } from '../../electron/services/suppliers/vetting';
import { dashboardView } from '../../electron/services/views/dashboard';
import { firmModel, firmReport, modelGuard, readCounts } from '../../electron/services/views/firmModel';
import { staffProfile } from '../../electron/services/views/staffProfile';
import { reminderSummary } from '../../electron/services/reminders';
import { saveInvoice } from '../../electron/services/cases/journey';
import { nodePlatform } from '../../electron/platform/nodePlatform';
import { scaleFirmFile, staffRef } from '../support/scaleFirm';
import { ctxFor, newVault, PASS, sampleFirm } from '../support/vaults';

const TODAY = '2026-11-24';

/** The Riverside sample (policies, exemptions, a handover, a vetted supplier) and a firm of the bench's shape, 1/20 of its size. */
function seeded() {
  const v = newVault();
  importFirmFile(v.ctx, sampleFirm());
  importFirmFile(v.ctx, scaleFirmFile({ staff: 12, cpd: 600, suppliers: 60, cases: 400 }));
  return v;
}

/** What the full evaluation says, read afresh from the vault. */
function full(ctx: Ctx) {
  const snapshot = loadSnapshot(ctx);
  const report = evaluate(snapshot, ctx.clock.today(), ctx.clock.now());
  return { snapshot, report };
}

/** The supplier list as it was worked out before the firm model: from the whole snapshot. */
function listTheOldWay(ctx: Ctx) {
  const snap = loadSnapshot(ctx);
  const asOf = ctx.clock.today();
  const ec = engineContext(snap, asOf);
  return [...snap.suppliers]
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.ref.localeCompare(b.ref))
    .map((s) => {
      const report = evaluateSupplier(s, ec);
      const d = decisionInForce(s, asOf);
      const at = d ? evaluateSupplier(s, engineContext(snap, d.on)) : undefined;
      return { ref: s.ref, status: report.status, vetting: supplierVetting(s, report, asOf, at) };
    });
}

/** Every staff member as the firm model holds them, as text. */
const modelText = (ctx: Ctx) => JSON.stringify(firmModel(ctx).snapshot.staff);

function expectDashboardMatches(ctx: Ctx) {
  const { snapshot, report } = full(ctx);
  const view = dashboardView(ctx, { dueLimit: 1_000_000 });
  expect(view.staff).toEqual(report.staff);
  expect(view.firm).toEqual(report.firm);
  const due = dueList(report, ctx.clock.today(), snapshot.firm.settings.warningDays, snapshot);
  expect(view.due.items).toEqual(due);
  expect(view.due.total).toBe(due.length);
  return { view, report, due };
}

describe('screen operations at scale', () => {
  it('the Dashboard gives the full evaluation’s firm rules, people by rule and due list, sized to what it draws', () => {
    const { ctx, vault } = seeded();
    try {
      const { due } = expectDashboardMatches(ctx);
      expect(due.length).toBeGreaterThan(10); // the seeded firm has plenty lapsing in 60 days
      const small = dashboardView(ctx, { dueLimit: 5 });
      expect(small.due.items).toEqual(due.slice(0, 5));
      expect(small.due.total).toBe(due.length);
      expect(small.staff.length).toBe(14);
    } finally {
      vault.close();
    }
  });

  it('a staff profile, from that person’s rows alone, gives the same results as the whole firm for everyone', () => {
    const { ctx, vault } = seeded();
    try {
      const { report } = full(ctx);
      for (const s of report.staff) {
        const p = staffProfile(ctx, s.ref);
        expect(p.report).toEqual(s);
        expect(p.person).toEqual(loadStaffSnapshot(ctx, s.ref));
      }
      // Caseload is a person's rule that reads the cases: some are over the limit, some not.
      const caseload = report.staff.map((s) => s.rules.find((r) => r.rule === 'STAFF-CASELOAD')!.status);
      expect(new Set(caseload).size).toBeGreaterThan(0);
      expect(() => staffProfile(ctx, 'NOBODY')).toThrow(/NOBODY/);
    } finally {
      vault.close();
    }
  });

  it('a supplier’s vetting file and the supplier list give the full evaluation’s statuses and vetting', () => {
    const { ctx, vault } = seeded();
    try {
      const snapshot = loadSnapshot(ctx);
      const report = evaluate(snapshot, TODAY);
      for (const s of report.suppliers) {
        const f = supplierFile(ctx, s.ref);
        expect(f.report).toEqual(s);
        expect(f.supplier).toEqual({ ...loadSupplierSnapshot(ctx, s.ref), documents: f.supplier.documents });
      }
      const list = supplierList(ctx);
      const old = listTheOldWay(ctx);
      expect(list.map((s) => ({ ref: s.ref, status: s.status, vetting: s.vetting }))).toEqual(old);
      expect(new Set(list.map((s) => s.vetting.state)).size).toBeGreaterThan(1);
      expect(supplierFile(ctx, 'SP-0003').knownServices).toContain('speech and language therapy');
    } finally {
      vault.close();
    }
  });

  it('complianceReport through the registry equals evaluate(loadSnapshot), and the reminder agrees with the due list', async () => {
    const { file, vault } = seeded();
    vault.close();
    const session = new Session(nodePlatform({ user: 'Pat' }), {}, fixedClock(TODAY));
    const r = buildRegistry(session);
    try {
      await r.call('unlockVault', { path: file, passphrase: PASS, remember: false });
      const ctx = session.ctx();
      const got = await r.call('complianceReport', {});
      expect(got.ok && got.value).toEqual(full(ctx).report);
      const again = await r.call('complianceReport', { asOf: '2026-06-01' });
      expect(again.ok && again.value).toEqual(evaluate(loadSnapshot(ctx), '2026-06-01'));
      const d = await r.call('dashboard', {});
      expect(d.ok).toBe(true);
      const reminder = reminderSummary(ctx)!;
      const due30 = dueList(full(ctx).report, TODAY, 30, loadSnapshot(ctx));
      expect(reminder.title).toContain(`${due30.length} item`);
    } finally {
      session.lock();
    }
  });

  it('under test, the kept model is frozen all the way down: a service that changed it would throw, not pass', () => {
    // vitest.config.ts turns the guard on for every test run (and the CLI and browser tests'
    // child processes inherit it); the app and the bench leave it off (firmModel.ts says why).
    expect(process.env.CASEPROOF_GUARD_MODEL).toBe('1');
    expect(modelGuard.on).toBe(true);
    const { ctx } = seeded();
    const { model, report } = firmReport(ctx, TODAY);
    const person = model.snapshot.staff[0]!;
    expect(() => {
      (person as { name: string }).name = 'Changed in place';
    }).toThrow(TypeError);
    expect(() => (person.cpd as unknown[]).push({})).toThrow(TypeError);
    expect(() => {
      (model.snapshot.cases[0] as { status: string }).status = 'closed';
    }).toThrow(TypeError);
    expect(report.staff[0]!.rules.length).toBeGreaterThan(0);
    expect(() => {
      (report.staff[0]!.rules[0] as { status: string }).status = 'met';
    }).toThrow(TypeError);
  });

  it('follows every change, made on this connection or another one (the job worker’s), reading again only what changed', () => {
    const { ctx, vault, file } = seeded();
    const other = openVault(file, { key: { key: Buffer.from(vault.key.key), salt: Buffer.from(vault.key.salt) } });
    const otherCtx = ctxFor(other);
    try {
      expectDashboardMatches(ctx);
      supplierList(ctx);
      const counts = readCounts(ctx)!;
      const before = counts.of(`staff:1`);

      // The other connection removes one person's indemnity: this one sees the rule fail.
      const who = staffRef(3);
      const id = ctx.vault.orm.select({ id: staff.id }).from(staff).where(eq(staff.ref, who)).get()!.id;
      const rule = (v: ReturnType<typeof dashboardView>) => v.staff.find((s) => s.ref === who)!.rules.find((r) => r.rule === 'STAFF-INDEMNITY')!.status;
      expect(rule(dashboardView(ctx))).not.toBe('not_met');
      other.sqlite.prepare(`DELETE FROM records WHERE staff_id = ? AND kind = 'indemnity'`).run(id);
      expect(readCounts(ctx)!.of(`staff:${id}`)).toBeGreaterThan(0);
      expect(readCounts(ctx)!.of('staff:1')).toBe(before);
      const { view } = expectDashboardMatches(ctx);
      expect(rule(view)).toBe('not_met');
      addRecord(otherCtx, { type: 'staff', ref: who }, 'cpd', { date: '2026-11-20', topic: 'Late course', provider: 'UKABIF', hours: 30 });
      expectDashboardMatches(ctx);

      // An edit that moves no ref leaves the cases' key alone; a new ref moves it.
      const rows = readCounts(ctx)!.of('staff-rows');
      updateStaff(ctx, staffRef(6), { ref: staffRef(6), name: 'New Name', daysPerWeek: 2 });
      expect(readCounts(ctx)!.of('staff-rows')).toBe(rows);
      expect(dashboardView(ctx).staff.find((s) => s.ref === staffRef(6))!.name).toBe('New Name');

      // This connection: a person renamed (their ref moves on every case).
      updateStaff(ctx, staffRef(5), { ref: 'SC-RENAMED', name: 'Renamed Person', daysPerWeek: 1 });
      expect(expectDashboardMatches(ctx).view.staff.map((s) => s.ref)).toContain('SC-RENAMED');
      expect(readCounts(ctx)!.of('staff-rows')).toBeGreaterThan(rows);
      // A policy reviewed (the firm's own record) moves every person's STAFF-POLICY-ACK.
      addRecord(otherCtx, { type: 'firm' }, 'policy', { kind: 'whistleblowing', title: 'Whistleblowing', reviewedOn: '2026-11-01' });
      expectDashboardMatches(ctx);
      // A supplier's decision recorded elsewhere: the list and the cases' vetting follow.
      addRecord(otherCtx, { type: 'supplier', ref: 'SP-0007' }, 'decision', { decision: 'rejected', by: 'Kim', on: '2026-11-23', note: 'No insurance' });
      expect(supplierList(ctx).map((s) => ({ ref: s.ref, status: s.status, vetting: s.vetting }))).toEqual(listTheOldWay(ctx));
      expectDashboardMatches(ctx);
      // A file attached, then a record deleted with its files (the cascade), then a file alone.
      const rec = ctx.vault.orm.select({ id: records.id }).from(records).where(eq(records.kind, 'indemnity')).get()!;
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGNYECWCFTEMLQkAg05DgVDlt0gAAAAASUVORK5CYII=', 'base64');
      attachEvidence(otherCtx, rec.id, { name: 'pi.png', bytes: png });
      const withFile = dashboardView(ctx);
      expect(JSON.stringify(full(ctx).snapshot.staff)).toContain('pi.png');
      expect(withFile.staff).toEqual(full(ctx).report.staff);
      ctx.vault.sqlite.prepare('DELETE FROM records WHERE id = ?').run(rec.id);
      expectDashboardMatches(ctx);
      const another = ctx.vault.orm.select({ id: records.id }).from(records).where(eq(records.kind, 'registration')).get()!;
      const meta = attachEvidence(ctx, another.id, { name: 'reg.png', bytes: png });
      expect(
        staffProfile(ctx, loadSnapshot(ctx).staff.find((s) => s.registrations.some((r) => r.id === another.id))!.ref).person.registrations.flatMap((r) =>
          r.evidence.map((e) => e.name),
        ),
      ).toContain('reg.png');
      expect(modelText(ctx)).toContain('reg.png');
      deleteEvidence(otherCtx, meta.id);
      expect(modelText(ctx)).not.toContain('reg.png');
      expect(firmReport(ctx, TODAY).report).toEqual(evaluate(loadSnapshot(ctx), TODAY));
      const noCases = staffRef(11);
      ctx.vault.sqlite.prepare('DELETE FROM case_handovers').run();
      ctx.vault.sqlite
        .prepare('DELETE FROM case_instructions WHERE case_id IN (SELECT id FROM cases WHERE case_manager_id = (SELECT id FROM staff WHERE ref = ?))')
        .run(noCases);
      ctx.vault.sqlite.prepare('DELETE FROM cases WHERE case_manager_id = (SELECT id FROM staff WHERE ref = ?)').run(noCases);
      deleteStaff(ctx, noCases);
      expectDashboardMatches(ctx);
      // An invoice paid late on a case, with the firm's report kept warm: the cases read again carry
      // their invoices (ORG-SUPPLIERS-PAID reads them), exactly as the whole snapshot does.
      const withInstruction = loadSnapshot(ctx).cases.find((k) => k.instructions.length > 0)!;
      saveInvoice(ctx, {
        ref: withInstruction.ref,
        instruction: 0,
        invoice: { number: 'LATE-1', receivedOn: '2026-06-01', amountGBP: 640, paidOn: '2026-10-15' },
      });
      expect(firmModel(ctx).snapshot.cases).toEqual(loadSnapshot(ctx).cases);
      const paid = (r: ReturnType<typeof evaluate>) => r.firm.rules.find((x) => x.rule === 'ORG-SUPPLIERS-PAID');
      expect(paid(firmReport(ctx, TODAY).report)).toEqual(paid(evaluate(loadSnapshot(ctx), TODAY)));
      expect(paid(firmReport(ctx, TODAY).report)?.status).toBe('not_met');
    } finally {
      other.close();
      vault.close();
    }
  });

  it('every change trigger is in a vault after all the migrations (a later table rebuild must make them again)', () => {
    const { ctx, vault } = seeded();
    try {
      const have = ctx.vault.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).pluck().all() as string[];
      for (const name of Object.keys(changeTriggers())) expect(have).toContain(name);
      expect(MIGRATIONS.map((m) => m.name)).toContain('0004_change_counts');
      expect(readCounts(ctx)).not.toBeNull();
      // Without them nothing is reused, and the answers are still right.
      ctx.vault.sqlite.exec('DROP TRIGGER "change_counts_records_insert"');
      expect(readCounts(ctx)).toBeNull();
      expectDashboardMatches(ctx);
    } finally {
      vault.close();
    }
  });
});
