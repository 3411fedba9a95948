// `npm run bench`: the bench at firm scale (scale.ts: every operation a user waits for on the
// firm of issue 9, each beside a floor and a budget), printed as a table; `npm run bench --
// --json` prints { dataset, results: [{ name, ms, floorMs, budgetMs }] } instead. `-- --small`
// runs the older sections on small, in-memory firms (each from its own file, rows of
// { label, ms }). Not a test: it asserts nothing and is not run by `npm test`.
import { performance } from 'node:perf_hooks';
import { benchScale, type Result } from './scale';
import { evaluate } from '../../electron/services/compliance/engine';
import { dueCalendar } from '../../electron/services/staffEvidence/ics';
import { benchCompliance, bigFirm } from './compliance';
import { benchPacks } from './packs';

type Row = { label: string; ms: number };
type Section = { title: string; run: () => Promise<Row[]> };

/** The due-date calendar (issue 3) for the big firm of the compliance bench. */
async function benchCalendar(): Promise<Row[]> {
  const firm = bigFirm();
  const report = evaluate(firm, '2026-11-24');
  const runs = 9;
  let events = 0;
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    events = dueCalendar(report, { firmName: 'Bench firm', asOf: '2026-11-24', now: new Date() }).events;
    if (i > 0) times.push(performance.now() - t); // the first run warms up
  }
  times.sort((a, b) => a - b);
  return [{ label: `calendar: .ics of every due date, ${events} events (median of ${runs})`, ms: Math.round(times[Math.floor(runs / 2)] * 100) / 100 }];
}

const SECTIONS: Section[] = [
  { title: 'Compliance engine', run: benchCompliance },
  { title: 'Word packs', run: benchPacks },
  { title: 'Word packs (service)', run: async () => (await import('./packs')).benchPackService() },
  { title: 'Due-date calendar', run: benchCalendar },
  // ---- Cases (issue 5): add the 20,000-case section here, e.g. ----
  { title: 'Cases (20,000)', run: async () => (await import('./cases')).benchCases() },
  { title: 'Audit trail (issue 11)', run: async () => (await import('./audit')).benchAudit() },
];

function table(rows: { section: string; label: string; ms: string }[]): string {
  const w = [Math.max(7, ...rows.map((r) => r.section.length)), Math.max(11, ...rows.map((r) => r.label.length)), Math.max(2, ...rows.map((r) => r.ms.length))];
  const line = (a: string, b: string, c: string) => `${a.padEnd(w[0])}  ${b.padEnd(w[1])}  ${c.padStart(w[2])}`;
  const out = [line('Section', 'Measurement', 'ms'), line('-'.repeat(w[0]), '-'.repeat(w[1]), '-'.repeat(w[2]))];
  let last = '';
  for (const r of rows) {
    out.push(line(r.section === last ? '' : r.section, r.label, r.ms));
    last = r.section;
  }
  return out.join('\n');
}

function scaleTable(results: Result[]): string {
  const head = ['Operation', 'ms', 'floor ms', 'budget', 'budget ms', 'pass'];
  const body = results.map((r) => [r.name, r.ms.toFixed(1), r.floorMs.toFixed(1), r.budget, r.budgetMs.toFixed(1), r.ms <= r.budgetMs ? 'yes' : 'NO']);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 3 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ');
  return [line(head), line(w.map((n) => '-'.repeat(n))), ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (!args.includes('--small')) {
    const json = args.includes('--json');
    const { dataset, results } = await benchScale((s) => process.stderr.write(`${s}\n`));
    if (json) {
      console.log(JSON.stringify({ dataset, results: results.map(({ name, ms, floorMs, budgetMs }) => ({ name, ms, floorMs, budgetMs })) }, null, 2));
      return;
    }
    console.log(`\nCaseproof bench at firm scale (Node ${process.version}, ${process.platform}/${process.arch})`);
    console.log(`dataset ${JSON.stringify(dataset)}\n`);
    console.log(scaleTable(results));
    for (const r of results) if (r.note) console.log(`- ${r.name}: ${r.note}`);
    return;
  }
  const rows: { section: string; label: string; ms: string }[] = [];
  for (const s of SECTIONS) {
    process.stderr.write(`running: ${s.title}…\n`);
    for (const r of await s.run()) rows.push({ section: s.title, label: r.label, ms: r.ms.toFixed(1) });
  }
  console.log(`\nCaseproof bench (Node ${process.version}, ${process.platform}/${process.arch})\n`);
  console.log(table(rows));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
