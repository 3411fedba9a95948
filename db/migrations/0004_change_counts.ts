// Data version 5: a count of changes per part of the vault, kept by triggers, so a screen can
// reuse what it worked out last time for every person, supplier or the cases that have not
// changed since (electron/services/views/firmModel.ts). Triggers, not the services, keep the
// counts: they see every write, from either of the app's two connections (the vault worker's
// and the job worker's), the CLI, an import or a cascade, and they commit or roll back with it.
//
// Scopes: `staff:ID` and `supplier:ID` (the row or any of its records or their files), `firm`
// (the firm row and the firm's own records: its policies), `cases` (cases, instructions,
// handovers, instructing parties), `staff-rows` and `supplier-rows` (a row added, renamed or
// removed: refs that cases name), and `suppliers` (any change to any supplier or its records,
// which every case's CASE-SUPPLIERS-VETTED reads).
//
// A later migration that rebuilds one of these tables drops its triggers with it: it must call
// createChangeTriggers(db) again (tests/unit/views.test.ts checks every trigger is present).
import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';

const bump = (scope: string) => `INSERT INTO "change_counts" ("scope", "n") VALUES (${scope}, 1) ON CONFLICT("scope") DO UPDATE SET "n" = "n" + 1;`;

/** The scope a record row belongs to (R is NEW or OLD). */
const recordScope = (r: string) =>
  `CASE WHEN ${r}."staff_id" IS NOT NULL THEN 'staff:' || ${r}."staff_id" WHEN ${r}."supplier_id" IS NOT NULL THEN 'supplier:' || ${r}."supplier_id" ELSE 'firm' END`;
/** Its group: any supplier change also bumps `suppliers`. */
const recordGroup = (r: string) => `CASE WHEN ${r}."supplier_id" IS NOT NULL THEN 'suppliers' ELSE 'other-records' END`;
/**
 * A file's change bumps its record's scopes. When the record itself is being deleted (a file
 * deleted with it by the cascade), there is no record left to name: the record's own trigger
 * has bumped them already, so nothing is inserted.
 */
const fileBumps = (f: string) =>
  [recordScope('r'), recordGroup('r')].map(
    (scope) =>
      `INSERT INTO "change_counts" ("scope", "n") SELECT ${scope}, 1 FROM "records" r WHERE r."id" = ${f}."record_id" ON CONFLICT("scope") DO UPDATE SET "n" = "n" + 1;`,
  );

type Event = 'INSERT' | 'UPDATE' | 'DELETE';

/** A row added or removed, or its ref changed (cases name people and suppliers by ref): not any other edit. */
const refsMoved = (scope: string, e: Event) =>
  e === 'UPDATE'
    ? `INSERT INTO "change_counts" ("scope", "n") SELECT '${scope}', 1 WHERE OLD."ref" IS NOT NEW."ref" ON CONFLICT("scope") DO UPDATE SET "n" = "n" + 1;`
    : bump(`'${scope}'`);
const ROWS = (e: Event): string[] => (e === 'INSERT' ? ['NEW'] : e === 'DELETE' ? ['OLD'] : ['OLD', 'NEW']);

/** Every trigger: name -> statement. */
export function changeTriggers(): Record<string, string> {
  const out: Record<string, string> = {};
  const on = (table: string, body: (row: string, e: Event) => string[]) => {
    for (const e of ['INSERT', 'UPDATE', 'DELETE'] as const) {
      const name = `change_counts_${table}_${e.toLowerCase()}`;
      const stmts = ROWS(e).flatMap((row) => body(row, e));
      out[name] = `CREATE TRIGGER "${name}" AFTER ${e} ON "${table}" BEGIN ${[...new Set(stmts)].join(' ')} END`;
    }
  };
  on('records', (r) => [bump(recordScope(r)), bump(recordGroup(r))]);
  on('evidence_files', (f) => fileBumps(f));
  on('staff', (s, e) => [bump(`'staff:' || ${s}."id"`), refsMoved('staff-rows', e)]);
  on('suppliers', (s, e) => [bump(`'supplier:' || ${s}."id"`), refsMoved('supplier-rows', e), bump(`'suppliers'`)]);
  on('firm', () => [bump(`'firm'`)]);
  for (const t of ['cases', 'case_instructions', 'case_handovers', 'contacts']) on(t, () => [bump(`'cases'`)]);
  return out;
}

/** (Re)creates every change trigger: for this migration, and for any later one that rebuilds a table. */
export function createChangeTriggers(db: Database.Database): void {
  for (const [name, sql] of Object.entries(changeTriggers())) {
    db.exec(`DROP TRIGGER IF EXISTS "${name}"`);
    db.exec(sql);
  }
}

export const changeCounts: Migration = {
  name: '0004_change_counts',
  up(db) {
    db.exec(`CREATE TABLE "change_counts" ("scope" text PRIMARY KEY NOT NULL, "n" integer NOT NULL)`);
    createChangeTriggers(db);
  },
};
