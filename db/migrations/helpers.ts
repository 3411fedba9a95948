// Building blocks for migrations. Identifiers come from migration code, never from users.
import type Database from 'better-sqlite3';

export interface Rebuild {
  table: string;
  /** The new table's CREATE TABLE statement, creating `__new_<table>`. */
  create: string;
  /** New column -> SQL expression over the old table's columns (usually the same name). */
  columns: Record<string, string>;
  /** CREATE INDEX statements for the new table (the old indexes go with the old table). */
  indexes: string[];
}

/**
 * SQLite's table rebuild (https://sqlite.org/lang_altertable.html#otheralter): create the
 * new table, copy the rows, drop the old one, rename, index. The migration runner has
 * foreign keys off (so rows that refer to this table keep their references, checked before
 * commit) and secure_delete on (so the old table's pages are zeroed). AUTOINCREMENT's
 * high-water mark is carried over, so ids of deleted rows are never reused.
 */
export function rebuildTable(db: Database.Database, r: Rebuild): void {
  const seq = db.prepare<[string], number>('SELECT seq FROM sqlite_sequence WHERE name = ?').pluck().get(r.table);
  const cols = Object.keys(r.columns);
  db.exec(r.create);
  db.exec(`INSERT INTO "__new_${r.table}" (${cols.map((c) => `"${c}"`).join(', ')}) SELECT ${cols.map((c) => r.columns[c]).join(', ')} FROM "${r.table}"`);
  db.exec(`DROP TABLE "${r.table}"`);
  db.exec(`ALTER TABLE "__new_${r.table}" RENAME TO "${r.table}"`);
  for (const ix of r.indexes) db.exec(ix);
  if (seq !== undefined) {
    const n = db.prepare('UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?').run(seq, r.table).changes;
    if (n === 0) db.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)').run(r.table, seq);
  }
}

/** The same column names, copied as they are. */
export function sameColumns(...names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, `"${n}"`]));
}

/**
 * Reshapes a JSON column row by row: `fn` gets the parsed value of each row matching
 * `where` and returns the new value, or undefined to leave the row alone. Returns how many
 * rows changed. For records' payloads, prefer an upgrade in evidence/payloads.ts (applied on
 * read); use this when the stored JSON itself must change, and stamp data_version to match.
 */
export function reshapeJson(
  db: Database.Database,
  target: { table: string; column: string; where?: string },
  fn: (value: unknown, rowid: number) => unknown,
): number {
  const rows = db
    // Aliased: SQLite names a bare `rowid` column after the table's INTEGER PRIMARY KEY.
    .prepare<[], { rowid: number; value: string }>(
      `SELECT rowid AS "rowid", "${target.column}" AS value FROM "${target.table}"${target.where ? ` WHERE ${target.where}` : ''}`,
    )
    .all();
  const update = db.prepare(`UPDATE "${target.table}" SET "${target.column}" = ? WHERE rowid = ?`);
  let changed = 0;
  for (const r of rows) {
    const next = fn(JSON.parse(r.value), r.rowid);
    if (next === undefined) continue;
    update.run(JSON.stringify(next), r.rowid);
    changed++;
  }
  return changed;
}
