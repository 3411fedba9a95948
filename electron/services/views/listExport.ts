// Any list a screen shows, as an XLSX workbook (issue 13 item 4): the same rows, from the same
// services the screens ask (the staff list, a person's CPD log and training, the due list, the
// to-do list, the suppliers and the cases), one sheet with a title row saying what and as of when. Dates are real dates
// (shown dd/mm/yyyy), pounds are numbers in the £ format, so the sheet sorts and adds up.
import type { ExportList } from '../../contract/ops/screens';
import { STATUS_WORDS } from '../../contract/compliance';
import { toDate, ukDate } from '../../contract/dates';
import { ruleTitle } from '../../contract/rules';
import { courseName, TRAINING_CATEGORY_NAMES } from '../../contract/training';
import { todoWhen, todoWho } from '../../contract/todo';
import type { Ctx } from '../context';
import { listStaff } from '../staff/staff';
import { dueItems } from '../staffEvidence/due';
import { firmTodo, staffTodo } from '../staffEvidence/todo';
import { loadStaffSnapshot } from '../snapshot';
import { AppError } from '../errors';
import { supplierList } from '../suppliers/vettingFile';
import { VETTING_WORDS } from '../../contract/ops/suppliers';
import { CASE_STATUS_WORDS } from '../../contract/ops/cases';

type Cell = string | number | Date | null;
export interface Column {
  header: string;
  type?: 'text' | 'date' | 'money' | 'number';
  width?: number;
}
export interface ListTable {
  /** The sheet's name and the first part of the file name. */
  name: string;
  title: string;
  columns: Column[];
  rows: Cell[][];
}

const date = (d: string | undefined | null): Date | null => (d ? toDate(d) : null);

/** The rows of a list, as its screen shows them. */
export function listTable(ctx: Ctx, list: ExportList, staffRef?: string): ListTable {
  const today = ctx.clock.today();
  const asOf = `as of ${ukDate(today)}`;
  const person = () => {
    if (!staffRef) throw new AppError('invalid', `The ${list} list is one person's: say whose (staffRef).`, 'staffRef');
    return loadStaffSnapshot(ctx, staffRef);
  };
  switch (list) {
    case 'staff':
      return {
        name: 'Staff',
        title: `Staff, ${asOf}`,
        // The columns of the Staff page, in its order.
        columns: [
          { header: 'Name', width: 28 },
          { header: 'Reference' },
          { header: 'Profession', width: 26 },
          { header: 'Employment' },
          { header: 'Days a week', type: 'number' },
        ],
        rows: listStaff(ctx).map((s) => [s.name, s.ref, s.profession ?? null, s.employment ?? null, s.daysPerWeek ?? null]),
      };
    case 'cpd': {
      const p = person();
      const rows = [...p.cpd].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id));
      return {
        name: 'CPD log',
        title: `CPD log of ${p.name} (${p.ref}), ${asOf}`,
        columns: [
          { header: 'Date', type: 'date' },
          { header: 'Topic', width: 36 },
          { header: 'Provider', width: 24 },
          { header: 'Hours', type: 'number' },
          { header: 'Category' },
          { header: 'Reflection', width: 40 },
        ],
        rows: rows.map((c) => [date(c.date), c.topic, c.provider, c.hours ?? null, c.category ?? null, c.reflection ?? null]),
      };
    }
    case 'training': {
      const p = person();
      const rows = [...p.training].sort((a, b) => (a.completedOn < b.completedOn ? 1 : a.completedOn > b.completedOn ? -1 : b.id - a.id));
      return {
        name: 'Training',
        title: `Training of ${p.name} (${p.ref}), ${asOf}`,
        columns: [
          { header: 'Course', width: 36 },
          { header: 'Training', width: 24 },
          { header: 'Completed on', type: 'date' },
          { header: 'Provider', width: 24 },
          { header: 'Level' },
        ],
        rows: rows.map((t) => [
          courseName(t),
          (TRAINING_CATEGORY_NAMES as Record<string, string>)[t.kind.trim().toLowerCase()] ?? t.kind,
          date(t.completedOn),
          t.provider ?? null,
          t.level ?? null,
        ]),
      };
    }
    case 'due': {
      const v = dueItems(ctx);
      return {
        name: 'Due',
        title: `Due in the ${v.days} days from ${ukDate(v.asOf)}`,
        columns: [
          { header: 'Lapses on', type: 'date' },
          { header: 'Who', width: 28 },
          { header: 'Rule', width: 30 },
          { header: 'Status' },
          { header: 'Rule id', width: 26 },
          { header: 'Why', width: 60 },
        ],
        rows: v.items.map((i) => [date(i.changesOn), todoWho(i, ''), ruleTitle(i.rule), i.overdue ? 'Overdue' : STATUS_WORDS[i.status], i.rule, i.reason]),
      };
    }
    case 'todo': {
      const v = staffRef ? staffTodo(ctx, staffRef) : firmTodo(ctx);
      return {
        name: 'To do',
        title: `To do${staffRef ? ` for ${v.items[0]?.name ?? staffRef}` : ''}, ${asOf}: ${v.notMet} not met, ${v.due} due within ${v.days} days`,
        columns: [
          { header: 'When', width: 24 },
          { header: 'Date', type: 'date' },
          { header: 'Who', width: 28 },
          { header: 'Rule', width: 30 },
          { header: 'Rule id', width: 26 },
          { header: 'Why', width: 60 },
        ],
        rows: v.items.map((i) => [todoWhen(i), date(i.changesOn), todoWho(i, v.firmName), i.title, i.rule, i.reason]),
      };
    }
    case 'suppliers':
      return {
        name: 'Suppliers',
        title: `Suppliers, ${asOf}`,
        // The Suppliers page's columns: every supplier, whatever the page has drawn so far.
        columns: [
          { header: 'Name', width: 32 },
          { header: 'Reference' },
          { header: 'Services', width: 36 },
          { header: 'Status' },
          { header: 'Vetting', width: 20 },
          { header: 'Decided on', type: 'date' },
          { header: 'Next review', type: 'date' },
          { header: 'Why', width: 50 },
        ],
        rows: supplierList(ctx).map((s) => [
          s.name,
          s.ref,
          s.services.join(', '),
          STATUS_WORDS[s.status],
          VETTING_WORDS[s.vetting.state],
          date(s.vetting.decidedOn),
          date(s.vetting.nextReviewOn),
          s.vetting.reason,
        ]),
      };
    case 'cases': {
      // Every case, in the case list's order (by reference): references and initials only, as on screen.
      const cases = ctx.vault.sqlite
        .prepare(
          `SELECT c.ref, c.initials, s.name AS manager, p.name AS party, c.status, c.injury, c.funding,
                  c.referred_on AS referredOn, c.opened_on AS openedOn, c.closed_on AS closedOn
             FROM cases c JOIN staff s ON s.id = c.case_manager_id JOIN contacts p ON p.id = c.contact_id ORDER BY c.ref`,
        )
        .all() as CaseExportRow[];
      return {
        name: 'Cases',
        title: `Cases, ${asOf}`,
        columns: [
          { header: 'Reference' },
          { header: 'Initials' },
          { header: 'Case manager', width: 28 },
          { header: 'Instructed by', width: 32 },
          { header: 'Status', width: 16 },
          { header: 'Injury', width: 20 },
          { header: 'Funding', width: 16 },
          { header: 'Referred on', type: 'date' },
          { header: 'Opened on', type: 'date' },
          { header: 'Closed on', type: 'date' },
        ],
        rows: cases.map((c) => [
          c.ref,
          c.initials,
          c.manager,
          c.party,
          CASE_STATUS_WORDS[c.status as keyof typeof CASE_STATUS_WORDS] ?? c.status,
          c.injury,
          c.funding,
          date(c.referredOn),
          date(c.openedOn),
          date(c.closedOn),
        ]),
      };
    }
  }
}

interface CaseExportRow {
  ref: string;
  initials: string | null;
  manager: string;
  party: string;
  status: string;
  injury: string | null;
  funding: string | null;
  referredOn: string | null;
  openedOn: string | null;
  closedOn: string | null;
}

const FORMATS: Record<NonNullable<Column['type']>, string | undefined> = { text: undefined, date: 'dd/mm/yyyy', money: '£#,##0.00', number: '0.##' };

export async function listWorkbook(t: ListTable): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Caseproof';
  const ws = wb.addWorksheet(t.name);
  ws.addRow([t.title]).font = { bold: true };
  ws.addRow(t.columns.map((c) => c.header)).font = { bold: true };
  // Dates are written as UTC midnight so Excel shows the calendar day as given, whatever the zone.
  for (const r of t.rows) ws.addRow(r.map((v) => (v instanceof Date ? new Date(Date.UTC(v.getFullYear(), v.getMonth(), v.getDate())) : v)));
  t.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? (c.type === 'date' ? 14 : 16);
    const fmt = FORMATS[c.type ?? 'text'];
    if (fmt) col.numFmt = fmt;
  });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
