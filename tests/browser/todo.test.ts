// The to-do list and faster entry in the real UI (Chromium over the real registry and an
// encrypted vault): the firm's To do page lists missing evidence and links to the form that
// fixes it (open, first field focused); a person's profile lists the same items;
// "Save and add another" saves, keeps the sensible fields and puts focus back on the first one.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { createStaff } from '../../electron/services/staff/staff';
import { firmTodo } from '../../electron/services/staffEvidence/todo';
import { loadStaffSnapshot } from '../../electron/services/snapshot';
import { addRecord } from '../../electron/services/evidence/records';
import { todoWhen, todoWho } from '../../electron/contract/todo';
import { closeBrowser, nav, startHarness, type Harness } from '../support/harness';
import { sampleFirm } from '../support/vaults';

const PASS = 'kettle orchard lantern 42';
const TODAY = '2026-11-24';

afterAll(closeBrowser);

async function riverside(): Promise<Harness> {
  const h = await startHarness({ today: TODAY });
  h.session.create(path.join(h.dir, 'firm.cpv'), PASS, false);
  const ctx = h.session.ctx();
  importFirmFile(ctx, sampleFirm());
  createStaff(ctx, { ref: 'RR-03', name: 'Sam Okafor', profession: 'Nurse', employment: 'employed' });
  await h.reload();
  return h;
}

const focusedLabel = (h: Harness) =>
  h.page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el?.labels?.[0]?.textContent?.trim() ?? el?.getAttribute('aria-label') ?? el?.tagName ?? '';
  });

describe('to do and faster entry in the browser', () => {
  it('the To do page shows every item in the service words; a missing DBS check opens the DBS form with focus in it; the profile lists the same', async () => {
    const h = await riverside();
    const { page } = h;
    try {
      await nav(page, 'To do');
      expect(await page.evaluate(() => location.hash)).toBe('#/todo');
      const list = page.getByRole('list', { name: 'To do' });
      const expected = firmTodo(h.session.ctx());
      await expect.poll(() => list.locator('li').count()).toBe(expected.total);
      await expect.poll(() => page.getByTestId('todo-counts').textContent()).toBe(`${expected.notMet} not met, ${expected.due} due within 60 days.`);
      // Each line: when, who and the rule (the link), the reason.
      const texts = await list.locator('li').allTextContents();
      expected.items.forEach((i, n) => {
        expect(texts[n]).toContain(todoWhen(i));
        expect(texts[n]).toContain(`${todoWho(i, expected.firmName)}: ${i.title}`);
        expect(texts[n]).toContain(i.reason);
      });
      const sam = list.locator('li[data-ref="RR-03"][data-rule="STAFF-DBS"]');
      expect(await sam.textContent()).toContain('No DBS check is recorded');
      await sam.getByRole('link', { name: 'Sam Okafor: DBS check' }).click();
      expect(await page.evaluate(() => location.hash)).toBe('#/staff/RR-03/dbs?add=1');
      const form = page.getByRole('form', { name: 'Add a DBS check' });
      await form.waitFor();
      await expect.poll(() => focusedLabel(h)).toBe('Level');
      // The profile's own list: the same items for Sam, without his name on each.
      const mine = page.getByRole('list', { name: 'To do for Sam Okafor' });
      const samItems = expected.items.filter((i) => i.ref === 'RR-03');
      await expect.poll(() => mine.locator('li').count()).toBe(samItems.length);
      expect(await mine.locator('li').first().textContent()).toContain(samItems[0]!.title);
      // Adding the DBS check takes the item off both lists.
      await form.getByLabel('Level').selectOption('enhanced');
      await form.getByLabel('Issued on').fill('01/10/2026');
      await form.getByRole('button', { name: 'Add a DBS check' }).click();
      await expect.poll(() => mine.locator('li[data-rule="STAFF-DBS"]').count()).toBe(0);
      await nav(page, 'To do');
      await expect.poll(() => page.getByRole('list', { name: 'To do' }).locator('li').count()).toBe(expected.total - 1);
    } finally {
      await h.close();
    }
  });

  it('"Save and add another" saves, clears the form keeping provider and category, focus back on the first field, a quiet "Saved"', async () => {
    const h = await riverside();
    const { page } = h;
    try {
      await page.evaluate(() => (location.hash = '#/staff/RR-03/cpd'));
      await page.getByRole('button', { name: 'Add a CPD activity' }).click();
      const form = page.getByRole('form', { name: 'Add a CPD activity' });
      await expect.poll(() => focusedLabel(h)).toBe('Date');
      await form.getByLabel('Date').fill('12/03/2026');
      await form.getByLabel('Topic').fill('Brain injury update');
      await form.getByLabel('Provider').fill('BABICM');
      await form.getByLabel('Hours').fill('3');
      await form.getByLabel('Category').fill('conference');
      await form.getByRole('button', { name: 'Save and add another' }).click();
      const status = form.getByRole('status');
      await expect.poll(() => status.textContent()).toBe('Saved: Brain injury update. The form is ready for the next one.');
      await expect.poll(() => focusedLabel(h)).toBe('Date');
      expect(await form.getByLabel('Date').inputValue()).toBe('');
      expect(await form.getByLabel('Topic').inputValue()).toBe('');
      expect(await form.getByLabel('Hours').inputValue()).toBe('');
      expect(await form.getByLabel('Provider').inputValue()).toBe('BABICM');
      expect(await form.getByLabel('Category').inputValue()).toBe('conference');
      // A second one with the keyboard alone; the form stays open, the list grows.
      await page.keyboard.type('20/04/2026');
      await form.getByLabel('Topic').fill('Vocational rehabilitation');
      await form.getByRole('button', { name: 'Save and add another' }).click();
      await expect.poll(() => status.textContent()).toBe('Saved: Vocational rehabilitation (2 added). The form is ready for the next one.');
      await expect.poll(() => page.locator('.record-title').allTextContents()).toEqual(['Vocational rehabilitation', 'Brain injury update']);
      // Both are in the vault.
      expect(loadStaffSnapshot(h.session.ctx(), 'RR-03').cpd.map((c) => [c.date, c.topic, c.provider, c.category])).toEqual([
        ['2026-03-12', 'Brain injury update', 'BABICM', 'conference'],
        ['2026-04-20', 'Vocational rehabilitation', 'BABICM', 'conference'],
      ]);
      // A bad date is refused beside its field and nothing is cleared.
      await form.getByLabel('Date').fill('30/02/2026');
      await form.getByLabel('Topic').fill('Not saved');
      await form.getByRole('button', { name: 'Save and add another' }).click();
      await expect.poll(() => form.getByLabel('Topic').inputValue()).toBe('Not saved');
      expect(await page.locator('.record-title').count()).toBe(2);
    } finally {
      await h.close();
    }
  });

  it('the CPD log is grouped by CPD year with activities and hours per year and overall, against the rule', async () => {
    const h = await riverside();
    const { page } = h;
    try {
      const ctx = h.session.ctx();
      const owner = { type: 'staff' as const, ref: 'RR-03' };
      for (const [date, topic, hours] of [
        ['2026-10-01', 'Goal setting', 3],
        ['2026-02-14', 'Vocational rehabilitation', 2.5],
        ['2025-11-24', 'Brain injury update', 6],
        ['2023-05-01', 'Old course', 1],
      ] as const) {
        addRecord(ctx, owner, 'cpd', { date, topic, provider: 'BABICM', hours });
      }
      await h.reload();
      await page.evaluate(() => (location.hash = '#/staff/RR-03/cpd'));
      const table = page.getByRole('table', { name: 'CPD by year' });
      await table.waitFor();
      const rows = await table.locator('tbody tr, tfoot tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim())));
      expect(rows).toEqual([
        ['CPD year 25/11/2025 to 24/11/2026 (the last 12 months)', '2 activities', '5.5 hours', 'Met: at least one activity'],
        ['CPD year 25/11/2024 to 24/11/2025 (the 12 months before)', '1 activity', '6 hours', 'Met: at least one activity'],
        ['CPD year 25/11/2023 to 24/11/2024', '0 activities', '0 hours', 'Not counted (older than two years)'],
        ['CPD year 25/11/2022 to 24/11/2023', '1 activity', '1 hour', 'Not counted (older than two years)'],
        ['All CPD', '4 activities', '12.5 hours', 'Both years have an activity'],
      ]);
      // The entries under their year's heading, newest first.
      const order = await page.locator('.records .record-group, .records .record-title').allTextContents();
      expect(order).toEqual([
        'CPD year 25/11/2025 to 24/11/2026 (the last 12 months)',
        'Goal setting',
        'Vocational rehabilitation',
        'CPD year 25/11/2024 to 24/11/2025 (the 12 months before)',
        'Brain injury update',
        'CPD year 25/11/2022 to 24/11/2023',
        'Old course',
      ]);
      // The rule strip agrees: met.
      await expect.poll(() => page.locator('.rule-strip li[data-rule="STAFF-CPD-2Y"]').textContent()).toContain('Met');
    } finally {
      await h.close();
    }
  });

  it('pastes CPD rows from a spreadsheet: a preview with the refused row (line, column, value, what is wanted), fixed, then all added', async () => {
    const h = await riverside();
    const { page } = h;
    try {
      await page.evaluate(() => (location.hash = '#/staff/RR-03/cpd'));
      await page.getByRole('button', { name: 'Paste rows from a spreadsheet…' }).click();
      const area = page.getByLabel('Rows copied from a spreadsheet');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('paste-text');
      const good = 'Date\tTopic\tProvider\tHours\n12/03/2026\tGoal setting\tBABICM\t3\n';
      await area.fill(good + '31/02/2026\tBrain injury update\tUKABIF\t2');
      await page.getByRole('button', { name: 'Check the rows' }).click();
      const refused = page.getByRole('table', { name: 'Refused' });
      await refused.waitFor();
      const cells = await refused.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim())));
      expect(cells).toHaveLength(1);
      expect(cells[0]!.slice(0, 3)).toEqual(['3', 'date', '“31/02/2026”']);
      expect(cells[0]![3]).toContain('dd/mm/yyyy');
      expect(await page.getByRole('button', { name: /^Add \d/ }).count()).toBe(0);
      expect(loadStaffSnapshot(h.session.ctx(), 'RR-03').cpd).toEqual([]);
      // Fixed, checked again, added.
      await area.fill(good + '28/02/2026\tBrain injury update\tUKABIF\t2');
      await page.getByRole('button', { name: 'Check the rows' }).click();
      await expect
        .poll(() => page.locator('.plan-records li').allTextContents())
        .toEqual(['Add: CPD: 12/03/2026, Goal setting, BABICM (line 2)', 'Add: CPD: 28/02/2026, Brain injury update, UKABIF (line 3)']);
      await page.getByRole('button', { name: 'Add 2 entries' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Added 2 CPD entries' }).count()).toBe(1);
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Paste rows from a spreadsheet…');
      expect(loadStaffSnapshot(h.session.ctx(), 'RR-03').cpd.map((c) => [c.date, c.topic, c.hours])).toEqual([
        ['2026-03-12', 'Goal setting', 3],
        ['2026-02-28', 'Brain injury update', 2],
      ]);
      await expect.poll(() => page.locator('.record-title').allTextContents()).toEqual(['Goal setting', 'Brain injury update']);
    } finally {
      await h.close();
    }
  });

  it('saves the CPD log, the staff list and the to-do list as XLSX through the save dialog: the rows on screen, dates as dates', async () => {
    const h = await riverside();
    const { page } = h;
    try {
      const ctx = h.session.ctx();
      addRecord(ctx, { type: 'staff', ref: 'RR-03' }, 'cpd', { date: '2026-10-01', topic: 'Goal setting', provider: 'BABICM', hours: 3 });
      addRecord(ctx, { type: 'staff', ref: 'RR-03' }, 'cpd', { date: '2025-12-14', topic: 'Brain injury update', provider: 'UKABIF', hours: 1.5 });
      await h.reload();
      const { default: Excel } = await import('exceljs');
      const read = async (file: string) => {
        const wb = new Excel.Workbook();
        await wb.xlsx.readFile(file);
        const ws = wb.worksheets[0]!;
        return {
          ws,
          rows: ws
            .getSheetValues()
            .slice(1)
            .map((r) => (Array.isArray(r) ? r.slice(1) : [])),
        };
      };
      await page.evaluate(() => (location.hash = '#/staff/RR-03/cpd'));
      const cpdFile = path.join(h.dir, 'cpd.xlsx');
      h.platform.dialogAnswers.push(cpdFile);
      await page.getByRole('button', { name: 'Save the CPD log as a spreadsheet…' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved the CPD log (2 rows)' }).count()).toBe(1);
      const cpd = await read(cpdFile);
      expect(cpd.rows[0]).toEqual(['CPD log of Sam Okafor (RR-03), as of 24/11/2026']);
      expect(cpd.rows[1]).toEqual(['Date', 'Topic', 'Provider', 'Hours', 'Category', 'Reflection']);
      expect(cpd.rows.slice(2).map((r) => [(r[0] as Date).toISOString().slice(0, 10), r[1], r[2], r[3]])).toEqual([
        ['2026-10-01', 'Goal setting', 'BABICM', 3],
        ['2025-12-14', 'Brain injury update', 'UKABIF', 1.5],
      ]);
      expect(cpd.ws.getCell('A3').numFmt).toBe('dd/mm/yyyy');
      // The staff list: the Staff page's rows and columns, in its order.
      await nav(page, 'Staff');
      await page.getByRole('table', { name: 'Staff members' }).locator('tbody tr').first().waitFor();
      const screen = await page
        .getByRole('table', { name: 'Staff members' })
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => tr.children[1]!.textContent?.trim()));
      const staffFile = path.join(h.dir, 'staff.xlsx');
      h.platform.dialogAnswers.push(staffFile);
      await page.getByRole('button', { name: 'Save the staff list as a spreadsheet…' }).click();
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: `Saved the staff list (${screen.length} rows)` })
            .count(),
        )
        .toBe(1);
      expect(screen.length).toBe(3);
      const staff = await read(staffFile);
      expect(staff.rows[1]).toEqual(['Name', 'Reference', 'Profession', 'Employment', 'Days a week']);
      expect(staff.rows.slice(2).map((r) => r[1])).toEqual(screen);
      // The to-do list: the page's lines.
      await nav(page, 'To do');
      const todoFile = path.join(h.dir, 'todo.xlsx');
      h.platform.dialogAnswers.push(todoFile);
      await page.getByRole('button', { name: 'Save the to-do list as a spreadsheet…' }).click();
      const expected = firmTodo(ctx);
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: `(${expected.total} rows)` })
            .count(),
        )
        .toBe(1);
      const todo = await read(todoFile);
      expect(todo.rows.slice(2).map((r) => [r[0], r[2], r[3], r[5]])).toEqual(
        expected.items.map((i) => [todoWhen(i), todoWho(i, expected.firmName), i.title, i.reason]),
      );
      // Cancelling the dialog writes nothing and says nothing.
      h.platform.dialogAnswers.push(null);
      await page.getByRole('button', { name: 'Save the to-do list as a spreadsheet…' }).click();
      await expect.poll(() => page.locator('.export-list .saved').textContent()).toBe('');
    } finally {
      await h.close();
    }
  });
});
