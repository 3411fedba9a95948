// Bench (not a test): what the audit trail costs a write (issue 11: at most 20% more). Two real
// encrypted vaults, one made without the trail's migration (so no triggers) and one with it;
// the same firm file (200 case managers, 40,000 CPD entries) imported into each in one
// transaction, then single saves as the app makes them (one transaction each, durable
// commit), then the trail's checks over the big vault.
// Run alone: npx tsx tests/bench/audit.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { contentDrift, quickAuditCheck, verifyChain } from '../../db/audit';
import { createVault, type Vault } from '../../db/client';
import { MIGRATIONS } from '../../db/migrations';
import { plusDays } from '../../electron/contract/dates';
import { fixedClock } from '../../electron/services/clock';
import { ctxOver } from '../../electron/services/context';
import { addRecord, updateRecord } from '../../electron/services/evidence/records';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { importSpreadsheet } from '../../electron/services/interchange/spreadsheet';

type Row = { label: string; ms: number };

function firmFile() {
  return {
    format: 'caseproof-firm',
    version: 1,
    firm: { name: 'Bench firm', codeOfConductSignatory: true },
    staff: Array.from({ length: 200 }, (_, i) => ({
      ref: `CM-${String(i).padStart(3, '0')}`,
      name: `Case Manager ${i}`,
      cpd: Array.from({ length: Number(process.env.BENCH_CPD ?? 200) }, (_, j) => ({
        date: plusDays('2024-01-01', j * 3),
        topic: `Topic ${j}`,
        provider: 'Provider',
        hours: 1 + (j % 4),
      })),
    })),
  };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const staffRef = (i: number) => `CM-${String(i % 200).padStart(3, '0')}`;

/**
 * Single saves as the app makes them, alternating between the two vaults so both meet the same
 * load (the machine is shared): median of `runs` each.
 */
function saves(plain: Vault, audited: Vault, runs: number) {
  const out = { plain: { add: [] as number[], edit: [] as number[] }, audited: { add: [] as number[], edit: [] as number[] } };
  const one = (v: Vault, into: { add: number[]; edit: number[] }, i: number) => {
    const ctx = ctxOver(v, 'Bench', fixedClock('2026-11-24'));
    let t = performance.now();
    const r = addRecord(ctx, { type: 'staff', ref: staffRef(i) }, 'cpd', { date: '2026-11-01', topic: 'Bench save', provider: 'P', hours: 1 });
    into.add.push(performance.now() - t);
    t = performance.now();
    updateRecord(ctx, r.id, { date: '2026-11-01', topic: 'Bench save, edited', provider: 'P', hours: 2 });
    into.edit.push(performance.now() - t);
  };
  for (let i = 0; i < runs; i++) {
    if (i % 2) {
      one(plain, out.plain, i);
      one(audited, out.audited, i);
    } else {
      one(audited, out.audited, i);
      one(plain, out.plain, i);
    }
  }
  return { plain: { add: median(out.plain.add), edit: median(out.plain.edit) }, audited: { add: median(out.audited.add), edit: median(out.audited.edit) } };
}

/** A CPD spreadsheet of `n` new rows over the 200 people (the scale bench's import, run `run`). */
function cpdSheet(n: number, run: number): Buffer {
  const lines = ['staffRef,date,topic,provider,hours'];
  for (let i = 0; i < n; i++) lines.push(`${staffRef(i)},2026-0${1 + (i % 9)}-1${i % 10},Sheet topic ${run}-${i},BABICM,2`);
  return Buffer.from(lines.join('\n'));
}
async function timedSheet(v: Vault, run: number): Promise<number> {
  const bytes = cpdSheet(Number(process.env.BENCH_SHEET ?? 10_000), run);
  const t = performance.now();
  await importSpreadsheet(ctxOver(v, 'Bench', fixedClock('2026-11-24')), 'cpd', 'cpd.csv', bytes);
  return performance.now() - t;
}

function timedImport(v: Vault): number {
  const t = performance.now();
  importFirmFile(ctxOver(v, 'Bench', fixedClock('2026-11-24')), firmFile());
  return performance.now() - t;
}

export async function benchAudit(): Promise<Row[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'caseproof-bench-audit-'));
  try {
    const plain = createVault(
      path.join(dir, 'plain.cpv'),
      { passphrase: 'bench passphrase 1' },
      // Without the trail's tables, and so without the migrations that index or reinstall them.
      {
        migrations: MIGRATIONS.filter(
          (m) => !['0005_audit', '0013_audit_bulk', '0014_audit_subject_index', '0015_audit_bulk_entry', '0016_audit_values_in_entries'].includes(m.name),
        ),
      },
    );
    const audited = createVault(path.join(dir, 'audited.cpv'), { passphrase: 'bench passphrase 1' });
    const imports = { plain: [] as number[], audited: [] as number[] };
    // Twice each, alternating (the second import replaces the first's records: deletes and inserts).
    for (let i = 0; i < 2; i++) {
      imports.plain.push(timedImport(plain));
      imports.audited.push(timedImport(audited));
    }
    // The spreadsheet import the scale bench times (new rows each run, so none is skipped), alternating.
    const sheets = { plain: [] as number[], audited: [] as number[] };
    for (let i = 0; i < Number(process.env.BENCH_SHEET_RUNS ?? 3); i++) {
      sheets.audited.push(await timedSheet(audited, 2 * i));
      sheets.plain.push(await timedSheet(plain, 2 * i + 1));
    }
    const s = saves(plain, audited, Number(process.env.BENCH_SAVES ?? 300));
    const pct = (x: number, y: number) => Math.round(((y - x) / x) * 1000) / 10;
    const imp = { plain: Math.min(...imports.plain), audited: Math.min(...imports.audited) };
    const cpd = firmFile().staff.reduce((n, x) => n + x.cpd.length, 0);
    const rows: Row[] = [
      { label: `import 200 staff + ${cpd} CPD entries (one transaction), no trail, best of 2`, ms: imp.plain },
      { label: `import, with the trail (${pct(imp.plain, imp.audited)}%)`, ms: imp.audited },
      { label: `CPD spreadsheet import (${process.env.BENCH_SHEET ?? 10_000} rows), no trail, median`, ms: median(sheets.plain) },
      { label: `CPD spreadsheet import, with the trail (${pct(median(sheets.plain), median(sheets.audited))}%)`, ms: median(sheets.audited) },
      { label: 'one save (add a CPD entry, its own durable transaction), no trail, median', ms: s.plain.add },
      { label: `one save, with the trail (${pct(s.plain.add, s.audited.add)}%)`, ms: s.audited.add },
      { label: 'one edit (update a CPD entry), no trail, median', ms: s.plain.edit },
      { label: `one edit, with the trail (${pct(s.plain.edit, s.audited.edit)}%)`, ms: s.audited.edit },
    ];
    plain.close();
    const entries = (audited.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    let t = performance.now();
    verifyChain(audited.sqlite);
    rows.push({ label: `audit verify: the whole chain, ${entries} entries`, ms: performance.now() - t });
    t = performance.now();
    contentDrift(audited.sqlite);
    rows.push({ label: 'every row against its last audited state', ms: performance.now() - t });
    t = performance.now();
    quickAuditCheck(audited.sqlite);
    rows.push({ label: 'the quick check at unlock', ms: performance.now() - t });
    audited.close();
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await benchAudit()) console.log(`${r.label.padEnd(80)} ${r.ms.toFixed(2)} ms`);
}
