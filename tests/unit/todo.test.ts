// The one to-do list (services/staffEvidence/todo.ts) on a real encrypted vault: missing
// evidence (no CPD at all, no DBS check) is listed though the due list never has it; every
// due-list item is there too; a person's list is exactly the firm's items for that person;
// adding the evidence takes the item off.
import { describe, expect, it } from 'vitest';
import { dueItems } from '../../electron/services/staffEvidence/due';
import { firmTodo, staffTodo } from '../../electron/services/staffEvidence/todo';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { createStaff } from '../../electron/services/staff/staff';
import { addRecord } from '../../electron/services/evidence/records';
import { todoLine, todoWhen } from '../../electron/contract/todo';
import { newVault, sampleFirm } from '../support/vaults';

function sample() {
  const v = newVault();
  importFirmFile(v.ctx, sampleFirm());
  createStaff(v.ctx, { ref: 'RR-09', name: 'Sam Patel' });
  return v;
}
const keyOf = (i: { subject: string; ref: string; rule: string }) => `${i.subject} ${i.ref} ${i.rule}`;

describe('the to-do list', () => {
  it('lists missing evidence (no CPD, no DBS) that the due list leaves out, then every due item', () => {
    const { ctx } = sample();
    const todo = firmTodo(ctx);
    const sam = todo.items.filter((i) => i.ref === 'RR-09');
    const cpd = sam.find((i) => i.rule === 'STAFF-CPD-2Y')!;
    expect(cpd).toMatchObject({
      subject: 'staff',
      name: 'Sam Patel',
      title: 'CPD over two years',
      status: 'not_met',
      why: 'not_met',
      reason: 'No CPD is recorded',
    });
    expect(cpd.changesOn).toBeUndefined();
    expect(sam.find((i) => i.rule === 'STAFF-DBS')).toMatchObject({ why: 'not_met', reason: 'No DBS check is recorded' });
    expect(todoLine(cpd, todo.firmName)).toBe('Not met · Sam Patel: CPD over two years: No CPD is recorded');
    // The due list (the Dashboard's) has none of Sam's, and all of its items are on the to-do list.
    const due = dueItems(ctx);
    expect(due.items.some((i) => i.ref === 'RR-09')).toBe(false);
    const listed = new Set(todo.items.map(keyOf));
    for (const d of due.items) expect(listed.has(keyOf(d)), keyOf(d)).toBe(true);
    // Not met first, then due, soonest first; counts add up.
    const whys = todo.items.map((i) => i.why);
    expect(whys.indexOf('due')).toBeGreaterThan(whys.lastIndexOf('not_met'));
    const dueDates = todo.items.filter((i) => i.why === 'due').map((i) => i.changesOn!);
    expect(dueDates).toEqual([...dueDates].sort());
    expect(todo.total).toBe(todo.items.length);
    expect(todo.notMet + todo.due).toBe(todo.total);
    expect(todo.due).toBe(due.items.length);
    const toni = todo.items.find((i) => i.ref === 'RR-02' && i.rule === 'STAFF-INDEMNITY')!;
    expect(todoWhen(toni)).toBe('Lapses on 16/12/2026');
    // One line per result.
    expect(listed.size).toBe(todo.items.length);
  });

  it("a person's list is the firm's items for that person, in the same words", () => {
    const { ctx } = sample();
    const firm = firmTodo(ctx);
    for (const ref of ['RR-01', 'RR-02', 'RR-09']) {
      const mine = staffTodo(ctx, ref);
      expect(mine.items).toEqual(firm.items.filter((i) => i.subject === 'staff' && i.ref === ref));
      expect(mine.items.map((i) => todoLine(i, mine.firmName))).toEqual(
        firm.items.filter((i) => i.subject === 'staff' && i.ref === ref).map((i) => todoLine(i, firm.firmName)),
      );
    }
  });

  it('adding the missing evidence takes its item off; limit caps the items but not the total', () => {
    const { ctx } = sample();
    const before = staffTodo(ctx, 'RR-09');
    expect(before.items.map((i) => i.rule)).toContain('STAFF-DBS');
    addRecord(ctx, { type: 'staff', ref: 'RR-09' }, 'dbs', { level: 'enhanced', issuedOn: '2026-10-01', certificateNumber: '001234567890' });
    const after = staffTodo(ctx, 'RR-09');
    expect(after.items.map((i) => i.rule)).not.toContain('STAFF-DBS');
    expect(after.total).toBe(before.total - 1);
    const capped = firmTodo(ctx, { limit: 3 });
    expect(capped.items).toHaveLength(3);
    expect(capped.total).toBe(firmTodo(ctx).total);
  });
});
