// Row <-> domain mapping helpers: SQLite gives null where the domain says "absent".
/** A view as a SQL query gives it: every column present, null where the view leaves a field out. `compact` turns it back. */
export type SqlRow<T> = { [K in keyof T]-?: Exclude<T[K], undefined> | null };
/** Drops null and undefined values so optional fields are simply absent. */
export function compact<T extends Record<string, unknown>>(o: T): { [K in keyof T]: Exclude<T[K], null> } {
  // for...in, not Object.entries: the same own keys in the same order for the plain objects
  // passed here, without an array per key (the whole-firm load compacts ~100,000 rows).
  const out: Record<string, unknown> = {};
  for (const k in o) {
    const v = o[k];
    if (v !== null && v !== undefined) out[k] = v;
  }
  return out as { [K in keyof T]: Exclude<T[K], null> };
}
/** A typed value (a snapshot, a view) read field by field by name: the interchange's generic walks. */
export function fieldsOf(o: object): Record<string, unknown> {
  return o as Record<string, unknown>;
}
/** Undefined becomes null so an update clears a field the user emptied. */
export function nullable<T extends Record<string, unknown>>(o: T, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = o[k] ?? null;
  return out;
}
