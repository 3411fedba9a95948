// Pasted CPD rows (services/interchange/pasteRows.ts) on a real encrypted vault: with or
// without a header, UK or ISO dates, refused exactly as the spreadsheet importer refuses the
// same rows (one source for each check), named by the pasted line; all or nothing.
import { describe, expect, it } from 'vitest';
import { addPasted, parsePasted, planPasted } from '../../electron/services/interchange/pasteRows';
import { planSheet } from '../../electron/services/interchange/sheetPlan';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { createStaff } from '../../electron/services/staff/staff';
import { loadStaffSnapshot } from '../../electron/services/snapshot';
import { newVault, sampleFirm } from '../support/vaults';

function vault() {
  const v = newVault();
  importFirmFile(v.ctx, sampleFirm());
  createStaff(v.ctx, { ref: 'RR-09', name: 'Sam Patel' });
  return v;
}

describe('pasted CPD rows', () => {
  it('reads rows without a header in the template order, and with a header in any order and case', () => {
    const plain = parsePasted('cpd', '12/03/2026\tGoal setting\tBABICM\t3\r\n2026-04-20\tBrain injury\tUKABIF\n\n');
    expect(plain).toEqual({
      header: false,
      lines: [1, 2],
      rows: [
        { date: '12/03/2026', topic: 'Goal setting', provider: 'BABICM', hours: '3' },
        { date: '2026-04-20', topic: 'Brain injury', provider: 'UKABIF' },
      ],
    });
    const headed = parsePasted('cpd', 'Provider\tDate\tTopic\tHours\tStaff ref\nBABICM\t01/02/2026\tReading\t1.5\tXX-1');
    expect(headed).toEqual({ header: true, lines: [2], rows: [{ provider: 'BABICM', date: '01/02/2026', topic: 'Reading', hours: '1.5' }] });
    expect(() => parsePasted('cpd', ' \n\t\n')).toThrow('Nothing was pasted');
    expect(() => parsePasted('cpd', 'date\ttopic\tprovider')).toThrow('Only a header row was pasted');
  });

  it('refuses bad cells as the spreadsheet importer does, naming the pasted line, column and value; adds nothing', () => {
    const { ctx } = vault();
    const text = '12/03/2026\tGoal setting\tBABICM\t3\n31/02/2026\tBad date\tBABICM\t2\n2026-05-01\tNo provider\t\tlots';
    const p = planPasted(ctx, 'cpd', 'RR-09', text);
    const sheet = planSheet(
      ctx,
      'cpd',
      parsePasted('cpd', text).rows.map((r) => ({ staffRef: 'RR-09', ...r })),
      { file: 'x.csv', digest: '' },
    );
    // The same refusals, the same words; only the row is the pasted line (a file's row 2 is its first record).
    expect(p.plan.refused.map((r) => r.message)).toEqual(sheet.plan.refused.map((r) => r.message));
    expect(p.plan.refused.map((r) => [r.path, r.value])).toEqual([
      ['line 2.date', '31/02/2026'],
      ['line 3.hours', 'lots'],
      ['line 3.provider', undefined],
    ]);
    expect(p.plan.refused[0]!.message).toContain('dd/mm/yyyy');
    expect(() => addPasted(ctx, 'cpd', 'RR-09', text, p.plan.digest)).toThrow(/line 2\.date/);
    expect(loadStaffSnapshot(ctx, 'RR-09').cpd).toEqual([]);
  });

  it('adds every row once the preview is clean, skips rows already held, and refuses text changed since the preview', () => {
    const { ctx } = vault();
    const text = 'date\ttopic\tprovider\thours\n12/03/2026\tGoal setting\tBABICM\t3\n2026-04-20\tBrain injury\tUKABIF\t';
    const p = planPasted(ctx, 'cpd', 'RR-09', text);
    expect(p.plan.refused).toEqual([]);
    expect(p.plan.subjects[0]!.records.map((r) => [r.action, r.where])).toEqual([
      ['add', 'line 2'],
      ['add', 'line 3'],
    ]);
    expect(() => addPasted(ctx, 'cpd', 'RR-09', text + '\n01/01/2026\tX\tY', p.plan.digest)).toThrow('changed since');
    expect(addPasted(ctx, 'cpd', 'RR-09', text, p.plan.digest).added.records).toBe(2);
    expect(loadStaffSnapshot(ctx, 'RR-09').cpd.map((c) => [c.date, c.topic, c.provider, c.hours])).toEqual([
      ['2026-03-12', 'Goal setting', 'BABICM', 3],
      ['2026-04-20', 'Brain injury', 'UKABIF', undefined],
    ]);
    const again = planPasted(ctx, 'cpd', 'RR-09', text);
    expect(again.plan.subjects[0]!.records.map((r) => r.action)).toEqual(['same', 'same']);
  });
});
