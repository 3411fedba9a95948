// What the long operations report through ctx.progress while they run (the window shows it):
// each counts up to its total, under labels a person can read, over a real encrypted vault.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Progress } from '../../electron/contract/events';
import { exportFirmFile } from '../../electron/services/interchange/exportFirmFile';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { importSpreadsheet } from '../../electron/services/interchange/spreadsheet';
import { buildPack } from '../../electron/services/packs/packService';
import { copyVault } from '../../electron/services/vault/backup';
import { newVault, sampleFirm } from '../support/vaults';
import { packFirmFile } from '../support/packFirm';

function recorder() {
  const seen: Progress[] = [];
  return { seen, sink: (p: Progress) => seen.push({ ...p }) };
}
/** Within each label, `done` never goes down and never passes `total`. */
function expectCountingUp(seen: Progress[]) {
  for (let i = 1; i < seen.length; i++) {
    const [a, b] = [seen[i - 1], seen[i]];
    if (a.label === b.label && a.total === b.total) expect(b.done).toBeGreaterThanOrEqual(a.done);
    expect(b.done).toBeLessThanOrEqual(b.total);
  }
}

describe('progress of the long operations', () => {
  it('a firm-file import checks the file, then counts staff, suppliers and cases to the end', () => {
    const { ctx } = newVault();
    const { seen, sink } = recorder();
    const file = sampleFirm();
    importFirmFile({ ...ctx, progress: sink }, file);
    expect(seen[0]).toEqual({ done: 0, total: 1, label: 'Checking the firm file' });
    const total = file.staff.length + file.suppliers.length + file.cases.length;
    expect(seen.at(-1)).toEqual({ done: total, total, label: 'Importing cases' });
    expect(new Set(seen.map((p) => p.label))).toEqual(
      new Set(['Checking the firm file', 'Importing', 'Importing staff', 'Importing suppliers', 'Importing cases']),
    );
    expect(seen.filter((p) => p.total === total)).toHaveLength(total + 1); // the start, then one per item
    expectCountingUp(seen);
  });

  it('a spreadsheet import reads the sheet, then counts its rows', async () => {
    const { ctx } = newVault();
    importFirmFile(ctx, sampleFirm());
    const rows = Array.from({ length: 25 }, (_, i) => `RR-01,${String((i % 28) + 1).padStart(2, '0')}/03/2026,Reading ${i},CSP,1`);
    const { seen, sink } = recorder();
    await importSpreadsheet({ ...ctx, progress: sink }, 'cpd', 'cpd.csv', Buffer.from(['staffRef,date,topic,provider,hours', ...rows].join('\n')));
    expect(seen[0]).toEqual({ done: 0, total: 1, label: 'Reading the spreadsheet' });
    expect(seen.at(-1)).toEqual({ done: 25, total: 25, label: 'Importing CPD log entries' });
    expectCountingUp(seen);
  });

  it('an export reads the vault, then counts each person and supplier written out', () => {
    const { ctx } = newVault();
    const file = sampleFirm();
    importFirmFile(ctx, file);
    const { seen, sink } = recorder();
    exportFirmFile({ ...ctx, progress: sink });
    const total = file.staff.length + file.suppliers.length;
    expect(seen[0]).toEqual({ done: 0, total: 1, label: 'Reading the vault' });
    expect(seen.at(-1)).toEqual({ done: total, total, label: 'Exporting staff and suppliers' });
    expectCountingUp(seen);
  });

  it('a backup says when it is copying, checking, and done', () => {
    const { vault, dir } = newVault();
    const { seen, sink } = recorder();
    copyVault(vault, path.join(dir, 'copy.cpv'), false, sink);
    expect(seen.map((p) => `${p.done}/${p.total} ${p.label}`)).toEqual(['0/2 Copying the vault', '1/2 Checking the copy', '2/2 Copy checked']);
  });

  it('an organisation pack reports reading, laying out and ready', async () => {
    const { ctx } = newVault();
    importFirmFile(ctx, packFirmFile());
    const { seen, sink } = recorder();
    await buildPack({ ...ctx, progress: sink }, { kind: 'firm', asOf: '2026-11-24' });
    expect(seen.map((p) => `${p.done}/${p.total} ${p.label}`)).toEqual([
      '0/2 Reading the records and checking the rules',
      '1/2 Laying out the pack',
      '2/2 The pack is ready',
    ]);
  });
});
