// The ORM's statement cache (db/statementCache.ts) on a real encrypted vault: drizzle's queries
// are prepared once per SQL text and reused; a reused statement comes back as a fresh one would
// (raw mode off), and one still iterating is never handed out twice.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { staff } from '../../db/schema';
import { withStatementCache } from '../../db/statementCache';
import { createStaff } from '../../electron/services/staff/staff';
import { newVault } from '../support/vaults';

describe('the statement cache', () => {
  it('prepares each of drizzle’s queries once, however often it runs', () => {
    const { vault, ctx } = newVault();
    createStaff(ctx, { ref: 'SC-1', name: 'Sam Cache' } as never);
    const prepare = vault.sqlite.prepare.bind(vault.sqlite);
    const prepared: string[] = [];
    vault.sqlite.prepare = ((s: string) => {
      prepared.push(s);
      return prepare(s);
    }) as typeof vault.sqlite.prepare;
    const byRef = (ref: string) => vault.orm.select({ name: staff.name }).from(staff).where(eq(staff.ref, ref)).get();
    expect(byRef('SC-1')).toEqual({ name: 'Sam Cache' });
    expect(byRef('SC-1')).toEqual({ name: 'Sam Cache' });
    expect(byRef('nobody')).toBeUndefined();
    expect(prepared.filter((s) => s.startsWith('select "name" from "staff"'))).toHaveLength(1);
    vault.close();
  });

  it('hands a statement back with raw mode off, as a fresh one would be', () => {
    const { vault, ctx } = newVault();
    createStaff(ctx, { ref: 'SC-2', name: 'Rae Row' } as never);
    // The same SQL, first as arrays (drizzle turns raw mode on), then as objects (drizzle leaves it as it finds it).
    expect(vault.orm.values(sql`SELECT ref, name FROM staff`)).toEqual([['SC-2', 'Rae Row']]);
    expect(vault.orm.all(sql`SELECT ref, name FROM staff`)).toEqual([{ ref: 'SC-2', name: 'Rae Row' }]);
    expect(vault.orm.get(sql`SELECT ref, name FROM staff`)).toEqual({ ref: 'SC-2', name: 'Rae Row' });
    vault.close();
  });

  it('never hands out a statement that is still iterating, and forgets the least recently used', () => {
    const { vault, ctx } = newVault();
    for (const n of [1, 2, 3]) createStaff(ctx, { ref: `SC-${n}`, name: `Person ${n}` } as never);
    const db = withStatementCache(vault.sqlite, 2);
    const q = 'SELECT ref FROM staff ORDER BY ref';
    const a = db.prepare(q);
    const rows = a.iterate();
    expect((rows.next().value as { ref: string }).ref).toBe('SC-1');
    const b = db.prepare(q);
    expect(b).not.toBe(a);
    expect(b.all()).toHaveLength(3);
    rows.return?.();
    expect(db.prepare(q)).toBe(b);
    db.prepare('SELECT 1');
    db.prepare('SELECT 2');
    expect(db.prepare(q)).not.toBe(b);
    vault.close();
  });
});
