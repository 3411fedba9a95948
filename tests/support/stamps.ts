// Reads back every timestamp the one clock is meant to have written in a vault.
import type Database from 'better-sqlite3';

/**
 * Every created_at / updated_at in every table, and the audit trail's `at`, that is not `stamp`
 * (as `table.column row N: value`), and how many rows were looked at.
 */
export function stampsNotFrom(db: Database.Database, stamp: string): { rows: number; strays: string[] } {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  let rows = 0;
  const strays: string[] = [];
  for (const t of tables) {
    const cols = (db.pragma(`table_info("${t}")`) as { name: string }[])
      .map((c) => c.name)
      .filter((c) => c === 'created_at' || c === 'updated_at' || (t === 'audit_log' && c === 'at'));
    for (const c of cols) {
      rows += db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number;
      for (const r of db.prepare(`SELECT rowid AS id, "${c}" AS v FROM "${t}" WHERE "${c}" IS NOT ?`).all(stamp) as { id: number; v: string }[])
        strays.push(`${t}.${c} row ${r.id}: ${r.v}`);
    }
  }
  return { rows, strays };
}
