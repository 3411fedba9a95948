// Bench (not a test): a firm file with 20,000 cases (50 case managers, 20 suppliers, 40
// instructing parties; instructions and handovers on some cases) imported into a real
// encrypted vault, then the case list's searches and filters, the caseload figures, the
// party report and the retention list timed against it.
// Targets: the list filter queries well under 100 ms.
import { fixedClock } from '../../electron/services/clock';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createVault } from '../../db/client';
import { plusDays } from '../../electron/contract/dates';
import { caseView, listCases, listParties } from '../../electron/services/cases/cases';
import { caseloadView, partyReport } from '../../electron/services/cases/figures';
import { casesPastRetention } from '../../electron/services/cases/retention';
import type { Ctx } from '../../electron/services/context';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { mtspReport } from '../../electron/services/reports/mtsp';
import { mtspWorkbook } from '../../electron/services/reports/mtspXlsx';

const AS_OF = '2026-11-24';
const INJURIES = ['brain', 'spinal', 'orthopaedic', 'amputation', 'polytrauma', 'psychological', 'other'] as const;
const FUNDING = ['joint-instruction', 'claimant-solicitor', 'deputy', 'nhs-la', 'private'] as const;
const STATUSES = ['open-active', 'open-active', 'monitoring', 'closed', 'closed', 'referral'] as const;
const KINDS = ['solicitor', 'insurer', 'deputy', 'nhs-la', 'other'] as const;

/** A firm file with `caseCount` cases, deterministic. */
export function bigCaseFile(caseCount = 20_000) {
  const staff = Array.from({ length: 50 }, (_, i) => ({ ref: `CM-${String(i).padStart(2, '0')}`, name: `Case Manager ${i}`, daysPerWeek: 2 + (i % 4) }));
  const suppliers = Array.from({ length: 20 }, (_, i) => ({
    ref: `SP-${String(i).padStart(2, '0')}`,
    name: `Supplier ${i}`,
    kind: 'organisation' as const,
    services: ['physiotherapy'],
    decisions: [{ decision: 'approved' as const, by: 'Kim Byrne', on: '2015-01-01', nextReviewOn: '2030-01-01' }],
  }));
  const cases = Array.from({ length: caseCount }, (_, i) => {
    const status = STATUSES[i % STATUSES.length];
    const referredOn = plusDays('2012-01-01', i % 5000);
    const openedOn = plusDays(referredOn, 14);
    const closed = status === 'closed';
    const manager = staff[i % staff.length].ref;
    return {
      ref: `RC-${String(i).padStart(6, '0')}`,
      initials: String.fromCharCode(65 + (i % 26), 65 + ((i * 7) % 26)),
      caseManager: i % 97 === 0 ? staff[(i + 1) % staff.length].ref : manager,
      instructingParty: { name: `Instructing Party ${i % 40}`, kind: KINDS[i % KINDS.length] },
      funding: FUNDING[i % FUNDING.length],
      injury: INJURIES[i % INJURIES.length],
      status,
      referredOn,
      ...(status === 'referral' ? {} : { openedOn }),
      ...(closed ? { closedOn: plusDays(openedOn, 200 + (i % 400)), closedReason: 'settled' } : {}),
      rehabPrescriptionRequestedOn: openedOn,
      consentRecordedOn: openedOn,
      riskReviewedOn: plusDays(openedOn, 30),
      ...(i % 10 === 0 ? { instructions: [{ supplier: suppliers[i % suppliers.length].ref, on: plusDays(openedOn, 3), service: 'physiotherapy' }] } : {}),
      ...(i % 97 === 0
        ? {
            handovers: [
              { on: plusDays(openedOn, 10), from: manager, to: staff[(i + 1) % staff.length].ref, reason: 'Leave', clientInformed: true, jointWorkingDays: 7 },
            ],
          }
        : {}),
    };
  });
  return { format: 'caseproof-firm', version: 1, firm: { name: 'Bench Firm', codeOfConductSignatory: true }, staff, suppliers, cases };
}

function time<T>(label: string, out: { label: string; ms: number }[], fn: () => T, runs = 1): T {
  let result!: T;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) result = fn();
  out.push({ label, ms: Math.round(((performance.now() - t0) / runs) * 100) / 100 });
  return result;
}

export async function benchCases(): Promise<{ label: string; ms: number }[]> {
  const results: { label: string; ms: number }[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'caseproof-bench-cases-'));
  const vault = createVault(path.join(dir, 'bench.cpv'), { passphrase: 'bench passphrase long enough' });
  const ctx: Ctx = { vault, user: 'bench', clock: fixedClock(AS_OF) };
  try {
    const file = bigCaseFile();
    const summary = time('import firm file with 20,000 cases', results, () => importFirmFile(ctx, file));
    if (summary.added.cases !== 20_000) throw new Error(`expected 20,000 cases, imported ${summary.added.cases}`);
    const party = listParties(ctx)[3];
    listCases(ctx, {}); // warm the page cache once, as a user opening the page would
    const queries: [string, Record<string, unknown>][] = [
      ['list: first page, no filter', {}],
      ['list: search part of a reference', { search: '0123' }],
      ['list: search initials', { search: 'AH' }],
      ['list: case manager + status', { caseManager: 'CM-07', status: 'open-active' }],
      ['list: instructing party', { partyId: party.id }],
      ['list: injury + status', { injury: 'spinal', status: 'monitoring' }],
      ['list: all four filters, page 3', { caseManager: 'CM-07', status: 'closed', partyId: party.id, injury: 'brain', offset: 100 }],
      ['list: search with no match', { search: 'nothing-like-this' }],
    ];
    for (const [label, q] of queries) time(label, results, () => listCases(ctx, q), 20);
    time('case page (view with CASE-* results)', results, () => caseView(ctx, 'RC-000010'), 20);
    time('caseload: one case manager', results, () => caseloadView(ctx, AS_OF, 'CM-07'), 5);
    time('caseload: firm with 50 case managers', results, () => caseloadView(ctx, AS_OF), 5);
    time('report by instructing party', results, () => partyReport(ctx), 5);
    time('retention list', results, () => casesPastRetention(ctx, AS_OF), 5);
    // ---- the MTSP Model report (issue 14): the Reports page's one call, and its XLSX ----
    // The journey the firm file above does not carry, written straight into the vault (a bench,
    // not a test): half the closed cases settled with an outcome and feedback, an invoice on
    // every instruction.
    vault.sqlite.exec(`
      UPDATE cases SET practice = json_set(practice, '$.settlementOn', date(closed_on, '-30 days')),
        journey = json_object('outcome', json_object('vocational', 'returned-to-work'),
          'feedback', json_array(json_object('on', closed_on, 'from', 'service-user', 'aboutCaseManager', 4, 'aboutSolicitor', 3)))
        WHERE status = 'closed' AND id % 2 = 0;
      UPDATE case_instructions SET invoices = json_array(json_object('receivedOn', "on", 'amountGBP', 450, 'paidOn', date("on", '+20 days')));`);
    const everything = { from: '2012-01-01', to: AS_OF };
    const r = time('MTSP Model report: every case (2012 to today)', results, () => mtspReport(ctx, everything), 5);
    time('MTSP Model report: the last 12 months (the page opens on it)', results, () => mtspReport(ctx, {}), 5);
    const t0 = performance.now();
    await mtspWorkbook(r);
    results.push({ label: `MTSP Model report: XLSX of ${r.byParty.length} parties`, ms: Math.round((performance.now() - t0) * 100) / 100 });
  } finally {
    vault.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

// Run directly: `npx tsx tests/bench/cases.ts`.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchCases().then(
    (rs) => {
      for (const r of rs) console.log(`${r.label.padEnd(46)} ${r.ms.toFixed(2).padStart(10)} ms`);
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
