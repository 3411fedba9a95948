// The connection as the ORM (drizzle) sees it: the same connection, but each distinct SQL text
// is prepared once and its statement reused. drizzle prepares a statement for every query it
// runs, and preparing is not cheap here: SQLite compiles every trigger the statement can fire
// into it, and the audit trail's triggers (db/audit.ts) are large. At the bench's firm an
// UPDATE of a record took 24 µs to prepare without the trail's triggers and 126 µs with them,
// an INSERT 29 and 176: a good part of what the trail added to a single save.
import type Database from 'better-sqlite3';

/** How many statements are kept (the least recently used goes first): SQL with IN lists of varying length repeats little. */
const KEPT = 256;

export function withStatementCache(db: Database.Database, kept = KEPT): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    const st = cache.get(sql);
    // A statement still iterating cannot run again: that caller gets one of its own.
    if (st && !st.busy) {
      cache.delete(sql);
      cache.set(sql, st); // most recently used last
      // drizzle turns raw mode on for the queries it maps itself, and assumes it off for the
      // rest: every statement is handed out with it off, as a fresh one would be.
      if (st.reader) st.raw(false);
      return st;
    }
    const fresh = db.prepare(sql);
    cache.set(sql, fresh);
    if (cache.size > kept) cache.delete(cache.keys().next().value!);
    return fresh;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return prepare;
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
