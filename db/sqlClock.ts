// SQL's "now" on a vault connection is the one clock (electron/services/clock.ts), not the
// computer's. The vault's created_at/updated_at columns default to
// strftime('%Y-%m-%dT%H:%M:%SZ','now') (db/schema.ts, migration 0000), and drizzle writes that
// same expression into every insert that leaves them out; so every row any insert path stamps
// is stamped by the clock the connection acts on (Vault.actor, set per Ctx by actAs), the same
// instant as its audit entry. This replaces SQLite's two-argument strftime on the connection
// (SQLite lets a connection's own function shadow a built-in of the same name and arity), so no
// table has to be rebuilt to change its default. Any other time value is handed to SQLite's own
// strftime unchanged. date('now'), datetime('now') and CURRENT_TIMESTAMP are not covered: the
// services never use them (tests/unit/clock.test.ts fails if they do).
import Database from 'better-sqlite3';
import { instantStamp } from '../electron/services/clock';

/** The format of every timestamp the vault stores (Clock.stamp). */
const STAMP_FORMAT = '%Y-%m-%dT%H:%M:%SZ';

/** SQLite's own strftime, on a connection of its own (one per native build) that shadows nothing. */
const builtins = new Map<string, Database.Statement<unknown[], unknown>>();
function builtinStrftime(nativeBinding: string | undefined): Database.Statement<unknown[], unknown> {
  let s = builtins.get(nativeBinding ?? '');
  if (!s) {
    s = new Database(':memory:', { nativeBinding }).prepare('SELECT strftime(?, ?)').pluck();
    builtins.set(nativeBinding ?? '', s);
  }
  return s;
}

const isNow = (v: unknown) => typeof v === 'string' && v.trim().toLowerCase() === 'now';

/** Makes strftime(format, 'now') on this connection read `clock` (looked up at each call: actAs may change it). */
export function registerSqlClock(db: Database.Database, clockOf: () => { now(): Date }, nativeBinding?: string): void {
  // An import stamps tens of thousands of rows within the same second: format each second once.
  let second = NaN;
  let stamp = '';
  db.function('strftime', { deterministic: false }, (format: unknown, value: unknown) => {
    if (isNow(value)) {
      const now = clockOf().now();
      if (format === STAMP_FORMAT) {
        // every insert's default: answered here, without SQLite's strftime
        const s = Math.floor(now.getTime() / 1000);
        if (s !== second) [second, stamp] = [s, instantStamp(now)];
        return stamp;
      }
      return builtinStrftime(nativeBinding).get(format, now.toISOString()) as string | null;
    }
    return builtinStrftime(nativeBinding).get(format, value) as string | null;
  });
}
