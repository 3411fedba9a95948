// The list export (services/views/listExport.ts) for the supplier and case lists, on a real
// encrypted vault with the sample firm, read back from the XLSX with exceljs: every row the
// list holds (not only what a page has drawn), dates as real dates shown dd/mm/yyyy, words
// beside statuses, and no client detail beyond the reference and initials.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { listTable, listWorkbook } from '../../electron/services/views/listExport';
import { supplierList } from '../../electron/services/suppliers/vettingFile';
import { listCases } from '../../electron/services/cases/cases';
import { newVault, sampleFirm } from '../support/vaults';

async function readBack(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe('exporting a list to XLSX', () => {
  it('the supplier list: every supplier with its status and vetting in words', async () => {
    const { ctx } = newVault();
    importFirmFile(ctx, sampleFirm());
    const t = listTable(ctx, 'suppliers');
    const list = supplierList(ctx);
    expect(t.rows.map((r) => r[1])).toEqual(list.map((s) => s.ref));
    const ws = await readBack(await listWorkbook(t));
    expect(ws.name).toBe('Suppliers');
    expect(ws.getRow(2).values).toEqual([undefined, 'Name', 'Reference', 'Services', 'Status', 'Vetting', 'Decided on', 'Next review', 'Why']);
    expect(ws.rowCount).toBe(2 + list.length);
    const first = ws.getRow(3);
    expect(first.getCell(2).value).toBe(list[0].ref);
    expect(['Met', 'Not met', 'Due soon']).toContain(first.getCell(4).value);
    const decided = list.findIndex((s) => s.vetting.decidedOn);
    expect(decided).toBeGreaterThanOrEqual(0);
    const cell = ws.getRow(3 + decided).getCell(6);
    expect(cell.value).toBeInstanceOf(Date);
    expect((cell.value as Date).toISOString().slice(0, 10)).toBe(list[decided].vetting.decidedOn);
    expect(ws.getColumn(6).numFmt).toBe('dd/mm/yyyy');
  });

  it('the case list: every case by reference, statuses in words, dates as dates', async () => {
    const { ctx } = newVault();
    importFirmFile(ctx, sampleFirm());
    const all = listCases(ctx, { limit: 500 });
    const t = listTable(ctx, 'cases');
    expect(t.rows.map((r) => r[0])).toEqual(all.rows.map((c) => c.ref));
    const ws = await readBack(await listWorkbook(t));
    expect(ws.rowCount).toBe(2 + all.total);
    const i = all.rows.findIndex((c) => c.openedOn);
    expect(i).toBeGreaterThanOrEqual(0);
    const row = ws.getRow(3 + i);
    expect(row.getCell(3).value).toBe(all.rows[i].caseManagerName);
    expect(['Referral', 'Open active', 'Monitoring', 'Closed']).toContain(row.getCell(5).value);
    expect((row.getCell(9).value as Date).toISOString().slice(0, 10)).toBe(all.rows[i].openedOn);
    expect(ws.getColumn(9).numFmt).toBe('dd/mm/yyyy');
  });
});
