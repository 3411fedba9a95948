// Empty spreadsheets to fill in, one per kind: the columns of contract/sheets.ts in the
// first row (required ones marked in the XLSX's notes), and in XLSX a second sheet saying
// what goes in each column and how to write dates.
import { SHEET_COLUMNS, SHEET_LABELS } from '../../contract/sheets';
import type { SheetKind } from '../../contract/ops/intake';

export function csvTemplate(kind: SheetKind): Buffer {
  return Buffer.from(SHEET_COLUMNS[kind].map((c) => c.name).join(',') + '\r\n', 'utf8');
}

export async function xlsxTemplate(kind: SheetKind): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Caseproof';
  // Fixed dates: the same template is the same file whatever day it is made.
  wb.created = wb.modified = new Date(Date.UTC(2026, 0, 1));
  const cols = SHEET_COLUMNS[kind];
  const ws = wb.addWorksheet(SHEET_LABELS[kind]);
  ws.columns = cols.map((c) => ({ header: c.name, key: c.name, width: Math.max(14, c.name.length + 4) }));
  ws.getRow(1).font = { bold: true };
  // Dates typed as text keep the day first (Excel would otherwise guess the locale).
  cols.forEach((c, i) => {
    if (c.type === 'date') ws.getColumn(i + 1).numFmt = '@';
  });
  const notes = wb.addWorksheet('About these columns');
  notes.columns = [
    { header: 'column', key: 'name', width: 24 },
    { header: 'required', key: 'required', width: 10 },
    { header: 'written as', key: 'type', width: 14 },
    { header: 'what goes in it', key: 'note', width: 70 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of cols) notes.addRow({ name: c.name, required: c.required ? 'yes' : '', type: c.type === 'date' ? 'dd/mm/yyyy' : c.type, note: c.note });
  notes.addRow({});
  notes.addRow({ name: 'Dates may be written 31/12/2026 or 2026-12-31. Only the first sheet is imported; one record per row.' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const templateFor = (kind: SheetKind, format: 'xlsx' | 'csv'): Promise<Buffer> =>
  format === 'csv' ? Promise.resolve(csvTemplate(kind)) : xlsxTemplate(kind);
