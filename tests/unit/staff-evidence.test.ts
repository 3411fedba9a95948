// The evidence domain's services and operations on real encrypted vaults: the rule
// catalogue, exemptions (through the registry, as the UI calls them), the due list over the
// firm's warning window, the self checklist, the reminder summary and the calendar file.
import { fixedClock } from '../../electron/services/clock';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { overallStatus } from '../../electron/contract/compliance';
import { buildRegistry } from '../../electron/services/api/handlers';
import { Session } from '../../electron/services/api/session';
import { evaluate } from '../../electron/services/compliance/engine';
import { RULES } from '../../electron/contract/rules';
import { addRecord, listRecords } from '../../electron/services/evidence/records';
import { updateSettings } from '../../electron/services/firm/firm';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { reminderSummary, REMINDER_DAYS } from '../../electron/services/reminders';
import { loadSnapshot } from '../../electron/services/snapshot';
import { ruleCatalogue } from '../../electron/services/staffEvidence/catalogue';
import { answerChecklist, SELF_CHECKLIST } from '../../electron/services/staffEvidence/checklist';
import { dueItems, vaultCalendar } from '../../electron/services/staffEvidence/due';
import { grantExemption, withdrawExemption } from '../../electron/services/staffEvidence/exemptions';
import { calendarEvents, dueCalendar, escapeText, foldLine } from '../../electron/services/staffEvidence/ics';
import { nodePlatform } from '../../electron/platform/nodePlatform';
import { aCase, aFirm, aStaff, AS_OF } from '../support/builders';
import { parseIcs, unescapeText } from '../support/ics';
import { tempDir } from '../support/tmp';
import type { Ctx } from '../../electron/services/context';
import { ctxFor, newVault, PASS, sampleFirm } from '../support/vaults';

const TODAY = '2026-11-24';

function sampleVault(today = TODAY) {
  const v = newVault();
  const ctx = ctxFor(v.vault, today);
  importFirmFile(ctx, sampleFirm());
  return { ...v, ctx };
}
const rule = (ctx: Ctx, ref: string, id: string, asOf = TODAY) =>
  evaluate(loadSnapshot(ctx), asOf)
    .staff.find((s) => s.ref === ref)!
    .rules.find((r) => r.rule === id)!;

/** The registry over a vault with the sample firm, as main and the UI use it. */
function sampleRegistry() {
  const dir = tempDir();
  const platform = nodePlatform({ user: 'Pat Manager' });
  const session = new Session(platform, {}, fixedClock(TODAY));
  session.create(path.join(dir, 'firm.cpv'), PASS, false);
  importFirmFile(session.ctx(), sampleFirm());
  return { session, platform, registry: buildRegistry(session), dir };
}

describe('rule catalogue', () => {
  it('lists every rule with its source, title and a short name', () => {
    const cat = ruleCatalogue();
    expect(cat.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    const pi = cat.find((r) => r.id === 'STAFF-INDEMNITY')!;
    expect(pi).toMatchObject({ subject: 'staff', source: 'MTSP Organisation A; Ethics 4.6', title: 'Professional indemnity', short: 'Indemnity' });
    for (const r of cat.filter((x) => x.subject === 'staff' || x.subject === 'firm')) {
      expect(r.short.length, r.id).toBeLessThanOrEqual(20);
      expect(r.short, r.id).not.toBe(r.id);
    }
  });
});

describe('exemptions (rules v2: with an expiry, and never from an unconditional rule)', () => {
  it('grants with the vault user, today and 12 months by default; the rule shows "Exempt until DATE: reason (granted by NAME on DATE)"', async () => {
    const { registry, session } = sampleRegistry();
    expect(rule(session.ctx(), 'RR-02', 'STAFF-TRAINING-MCA').status).toBe('not_met');
    const r = await registry.call('grantExemption', {
      owner: { type: 'staff', ref: 'RR-02' },
      rule: 'STAFF-TRAINING-MCA',
      reason: 'Desk-based role: no client contact',
    });
    expect(r).toMatchObject({
      ok: true,
      value: {
        kind: 'exemption',
        data: { rule: 'STAFF-TRAINING-MCA', grantedBy: 'Pat Manager', grantedOn: TODAY, expiresOn: '2027-11-24', reason: 'Desk-based role: no client contact' },
      },
    });
    expect(rule(session.ctx(), 'RR-02', 'STAFF-TRAINING-MCA')).toEqual({
      rule: 'STAFF-TRAINING-MCA',
      status: 'exempt',
      reason: 'Exempt until 24/11/2027: Desk-based role: no client contact (granted by Pat Manager on 24/11/2026)',
      changesOn: '2027-11-25',
    });
    expect(rule(session.ctx(), 'RR-02', 'STAFF-TRAINING-MCA', '2027-11-24').status).toBe('exempt');
    expect(rule(session.ctx(), 'RR-02', 'STAFF-TRAINING-MCA', '2027-11-25').status).toBe('not_met');
    // The person's other rules are untouched.
    expect(rule(session.ctx(), 'RR-02', 'STAFF-CPD-2Y').status).toBe('not_met');
  });

  it('refuses, naming the field, with the words the import gives after the JSON path (exemptionProblem)', async () => {
    const { registry, session } = sampleRegistry();
    const owner = { type: 'staff' as const, ref: 'RR-02' };
    const refused = async (input: Record<string, unknown>) =>
      (await registry.call('grantExemption', { owner, reason: 'x', ...input })) as { ok: false; error: { field?: string; message: string } };
    expect((await refused({ rule: 'STAFF-NOPE' })).error).toMatchObject({
      field: 'rule',
      message: 'rule: STAFF-NOPE is not a rule Caseproof knows, so it cannot be exempted',
    });
    expect((await refused({ rule: 'SUP-EXPERIENCE' })).error).toMatchObject({
      field: 'rule',
      message: 'rule: SUP-EXPERIENCE (Experience) is a rule for suppliers, not staff members, so it cannot be exempted here',
    });
    for (const unconditional of ['STAFF-INDEMNITY', 'STAFF-DBS', 'STAFF-REGISTRATION']) {
      expect((await refused({ rule: unconditional })).error.message, unconditional).toMatch(
        /cannot be exempted: the MTSP code makes it a requirement without exceptions$/,
      );
    }
    expect((await refused({ rule: 'STAFF-CPD-2Y', expiresOn: '2027-11-25' })).error).toMatchObject({
      field: 'expiresOn',
      message: 'expiresOn: must be no later than 24/11/2027, 12 months after it was granted (24/11/2026)',
    });
    expect((await refused({ rule: 'STAFF-CPD-2Y', expiresOn: '2026-11-23' })).error).toMatchObject({
      field: 'expiresOn',
      message: 'expiresOn: must not be before the date it was granted (24/11/2026)',
    });
    expect((await refused({ rule: 'dbs' })).error).toMatchObject({ field: 'rule', message: expect.stringContaining('must be a rule id') });
    expect((await refused({ rule: 'STAFF-CPD-2Y', reason: '   ' })).error).toMatchObject({ field: 'reason', message: 'reason: is required' });
    expect((await refused({ rule: 'STAFF-CPD-2Y', grantedBy: '' })).error).toMatchObject({ field: 'grantedBy' });
    expect((await refused({ rule: 'STAFF-CPD-2Y', grantedOn: '2026-02-30' })).error).toMatchObject({
      field: 'grantedOn',
      message: 'grantedOn: must be a real date written as YYYY-MM-DD',
    });
    expect(await registry.call('grantExemption', { owner: { type: 'staff', ref: 'RR-99' }, rule: 'STAFF-CPD-2Y', reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(listRecords(session.ctx(), owner, 'exemption')).toEqual([]);
    // An expiry on the last allowed day is accepted; suppliers take supplier rules, but never SUP-INDEMNITY.
    expect(await registry.call('grantExemption', { owner, rule: 'STAFF-CPD-2Y', reason: 'On leave', expiresOn: '2027-11-24' })).toMatchObject({ ok: true });
    expect(
      await registry.call('grantExemption', { owner: { type: 'supplier', ref: 'RS-01' }, rule: 'SUP-DBS', reason: 'Equipment supplier only' }),
    ).toMatchObject({ ok: true });
    expect(await registry.call('grantExemption', { owner: { type: 'supplier', ref: 'RS-01' }, rule: 'SUP-INDEMNITY', reason: 'NHS body' })).toMatchObject({
      ok: false,
      error: { field: 'rule' },
    });
  });

  it('29 February: a grant on 29/02/2028 may run to 01/03/2029 at most (the anniversary convention)', () => {
    const { ctx } = sampleVault('2028-02-29');
    const g = grantExemption(ctx, { owner: { type: 'staff', ref: 'RR-02' }, rule: 'STAFF-CPD-2Y', reason: 'Parental leave' });
    expect(g.data).toMatchObject({ grantedOn: '2028-02-29', expiresOn: '2029-03-01' });
    expect(() => grantExemption(ctx, { owner: { type: 'staff', ref: 'RR-02' }, rule: 'STAFF-CPD-2Y', reason: 'x', expiresOn: '2029-03-02' })).toThrow(
      /no later than 01\/03\/2029/,
    );
  });

  it('a grant dated later does not apply until its date', () => {
    const { ctx } = sampleVault();
    grantExemption(ctx, {
      owner: { type: 'staff', ref: 'RR-02' },
      rule: 'STAFF-PEER-REVIEW',
      reason: 'Leaving client work',
      grantedBy: 'Kim Byrne',
      grantedOn: '2026-12-01',
    });
    expect(rule(ctx, 'RR-02', 'STAFF-PEER-REVIEW').status).toBe('not_met');
    expect(rule(ctx, 'RR-02', 'STAFF-PEER-REVIEW', '2026-12-01').status).toBe('exempt');
  });

  it('withdrawing removes every grant of that rule for that person, and nothing else', async () => {
    const { registry, session } = sampleRegistry();
    const ctx = session.ctx();
    const toni = { type: 'staff' as const, ref: 'RR-02' };
    const old = grantExemption(ctx, { owner: toni, rule: 'STAFF-PEER-REVIEW', reason: 'First grant', grantedOn: '2026-01-01' });
    const latest = grantExemption(ctx, { owner: toni, rule: 'STAFF-PEER-REVIEW', reason: 'Second grant' });
    const other = grantExemption(ctx, { owner: toni, rule: 'STAFF-CPD-2Y', reason: 'On leave' });
    const morgan = grantExemption(ctx, { owner: { type: 'staff', ref: 'RR-01' }, rule: 'STAFF-PEER-REVIEW', reason: 'Desk-based' });
    expect(await registry.call('withdrawExemption', { id: latest.id })).toEqual({ ok: true, value: null });
    expect(rule(ctx, 'RR-02', 'STAFF-PEER-REVIEW').status).toBe('not_met'); // the older grant (in force to 01/01/2027) did not take over
    const left = listRecords(ctx, toni, 'exemption').map((r) => r.id);
    expect(left).toEqual([other.id]);
    expect(left).not.toContain(old.id);
    expect(listRecords(ctx, { type: 'staff', ref: 'RR-01' }, 'exemption').map((r) => r.id)).toEqual([morgan.id]);
    // Only exemptions can be withdrawn this way.
    const pi = listRecords(ctx, toni, 'indemnity')[0];
    expect(await registry.call('withdrawExemption', { id: pi.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: `Record ${pi.id} is not an exemption, so it was not withdrawn.` },
    });
    expect(listRecords(ctx, toni, 'indemnity')).toHaveLength(1);
    expect(() => withdrawExemption(ctx, 999_999)).toThrow(/was not found/);
  });
});

describe('due list', () => {
  it("uses the firm's warning window unless a number of days is given", async () => {
    const { ctx } = sampleVault();
    const d60 = dueItems(ctx);
    expect(d60.days).toBe(60);
    expect(d60.items.map((i) => `${i.ref} ${i.rule} ${i.changesOn}`)).toEqual(['RR-02 STAFF-INDEMNITY 2026-12-16', 'RC-100 CASE-RISK-REVIEW 2027-01-01']);
    expect(d60.items[0]).toMatchObject({ subject: 'staff', name: 'Toni Reyes', status: 'due_soon' });
    updateSettings(ctx, { warningDays: 20 });
    const d20 = dueItems(ctx);
    expect(d20.days).toBe(20);
    expect(d20.items).toEqual([]); // 16/12/2026 is 22 days away
    expect(dueItems(ctx, { days: 22 }).items.map((i) => i.rule)).toEqual(['STAFF-INDEMNITY']);
    expect(dueItems(ctx, { days: 21 }).items).toEqual([]);
  });

  it('is validated at the boundary', async () => {
    const { registry } = sampleRegistry();
    expect(await registry.call('dueItems', { days: -1 })).toMatchObject({ ok: false, error: { field: 'days' } });
    expect(await registry.call('dueItems', { days: 1.5 })).toMatchObject({ ok: false, error: { field: 'days' } });
    expect(await registry.call('dueItems', { days: 60, asOf: '2027-03-01' })).toMatchObject({ ok: true, value: { asOf: '2027-03-01', days: 60 } });
  });
});

describe('self checklist', () => {
  it('answers the ten questions from one person’s records, the firm’s policies and their open cases', async () => {
    const { registry } = sampleRegistry();
    const r = await registry.call('selfChecklist', { ref: 'RR-02' });
    if (!r.ok) throw new Error(r.error.message);
    const c = r.value;
    expect(c).toMatchObject({ asOf: TODAY, staffRef: 'RR-02', name: 'Toni Reyes', overall: 'not_met' });
    expect(c.answers.map((a) => a.id)).toEqual(SELF_CHECKLIST.map((q) => q.id));
    const by = Object.fromEntries(c.answers.map((a) => [a.id, a]));
    expect(by.indemnity).toMatchObject({ status: 'due_soon', lines: [{ subject: 'staff', ref: 'RR-02', rule: 'STAFF-INDEMNITY', changesOn: '2026-12-16' }] });
    expect(by.dbs.status).toBe('not_met');
    expect(by.training.lines.map((l) => l.rule)).toEqual(['STAFF-TRAINING-SAFEGUARDING', 'STAFF-TRAINING-MCA', 'STAFF-TRAINING-INFOSEC']);
    expect(by.handover).toMatchObject({ status: 'met', lines: [{ subject: 'firm', ref: 'firm', rule: 'ORG-POLICY-HANDOVER' }] });
    // Toni manages no open case: consent does not apply, and the note says why.
    expect(by.consent).toMatchObject({
      status: 'not_applicable',
      lines: [],
      note: 'Toni Reyes manages no open cases on 24/11/2026, so there is nothing to check.',
    });
    // Lone working: her own safeguards are recorded, but the firm has no lone working policy.
    expect(by['lone-working'].lines.map((l) => `${l.rule} ${l.status}`)).toEqual(['STAFF-SOLE-PRACTITIONER met', 'ORG-POLICY-LONE-WORKING not_met']);
    expect(by['lone-working'].status).toBe('not_met');
    // Questions are written in Caseproof's own words.
    for (const a of c.answers) expect(a.question).toMatch(/\?$/);
    expect(await registry.call('selfChecklist', { ref: 'RR-99' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('checks consent on the open cases the person manages on the day, handovers applied', () => {
    const cases = [
      aCase({ ref: 'C-1', caseManager: 'CM-1', status: 'open-active', consentRecordedOn: '2026-06-01', consentReviewedOn: undefined }),
      aCase({ ref: 'C-2', caseManager: 'CM-1', status: 'monitoring', consentRecordedOn: '2025-01-10', consentReviewedOn: undefined }),
      aCase({ ref: 'C-3', caseManager: 'CM-1', status: 'closed', closedOn: '2026-05-01' }),
      aCase({
        ref: 'C-4',
        caseManager: 'CM-2',
        status: 'open-active',
        handovers: [{ on: '2026-10-01', fromRef: 'CM-2', toRef: 'CM-1', reason: 'leave', clientInformed: true }],
        consentRecordedOn: '2026-09-01',
        consentReviewedOn: undefined,
      }),
      aCase({
        ref: 'C-5',
        caseManager: 'CM-1',
        status: 'open-active',
        handovers: [{ on: '2026-10-01', fromRef: 'CM-1', toRef: 'CM-2', reason: 'leave', clientInformed: true }],
      }),
    ];
    const snapshot = aFirm({ staff: [aStaff({ ref: 'CM-1', name: 'Ash Patel' }), aStaff({ ref: 'CM-2', name: 'Bo Li' })], cases });
    const c = answerChecklist(snapshot, evaluate(snapshot, AS_OF), 'CM-1');
    const consent = c.answers.find((a) => a.id === 'consent')!;
    expect(consent.lines.map((l) => `${l.ref} ${l.status}`).sort()).toEqual(['C-1 met', 'C-2 not_met', 'C-4 met']);
    expect(consent.status).toBe('not_met');
    expect(consent.note).toBe('Checked on the 3 open cases Ash Patel manages on 24/11/2026.');
    expect(c.overall).toBe(overallStatus(c.answers));
  });
});

describe('reminders', () => {
  it('summarises what lapses in the next 30 days, soonest first, and nothing when nothing does', () => {
    const { ctx } = sampleVault();
    expect(REMINDER_DAYS).toBe(30);
    expect(reminderSummary(ctx)).toEqual({
      title: '1 item lapses in the next 30 days',
      body: "First: Toni Reyes, STAFF-INDEMNITY on 16/12/2026. Open Caseproof's dashboard for the list.",
    });
    // A week later the case's risk review (01/01/2027) is within 30 days too.
    const later = ctxFor(ctx.vault, '2026-12-02');
    expect(reminderSummary(later)).toEqual({
      title: '2 items lapse in the next 30 days',
      body: "First: Toni Reyes, STAFF-INDEMNITY on 16/12/2026 and 1 more. Open Caseproof's dashboard for the list.",
    });
    // 31 days before the lapse: not yet.
    expect(reminderSummary(ctxFor(ctx.vault, '2026-11-15'))).toBeNull();
    // Exactly 30 days before: included.
    expect(reminderSummary(ctxFor(ctx.vault, '2026-11-16'))?.title).toBe('1 item lapses in the next 30 days');
  });

  it('counts a record added today that lapses within 30 days', () => {
    const { ctx } = sampleVault();
    addRecord(ctx, { type: 'staff', ref: 'RR-01' }, 'training', { kind: 'infosec', completedOn: '2025-12-10' });
    // Morgan's newer infosec training (01/03/2026) still wins; nothing changes.
    expect(reminderSummary(ctx)?.title).toBe('1 item lapses in the next 30 days');
    addRecord(ctx, { type: 'firm' }, 'policy', { kind: 'whistleblowing', title: 'Speak up', reviewedOn: '2025-12-01' });
    expect(reminderSummary(ctx)).toMatchObject({ title: '2 items lapse in the next 30 days' });
  });
});

describe('iCalendar export', () => {
  it('escapes TEXT values and folds lines at 75 octets without splitting characters', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    expect(unescapeText(escapeText('a\\b;c,d\ne'))).toBe('a\\b;c,d\ne');
    const long = 'DESCRIPTION:' + 'é'.repeat(100);
    const folded = foldLine(long);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    for (const l of lines.slice(1)) expect(l.startsWith(' ')).toBe(true);
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(long);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
    expect(foldLine('X:' + 'a'.repeat(73))).toBe('X:' + 'a'.repeat(73)); // exactly 75 octets: no fold
    expect(foldLine('X:' + 'a'.repeat(74)).split('\r\n')).toHaveLength(2);
  });

  it('writes one all-day event per result with a change date, with a stable UID, the person and rule in SUMMARY and the reason in DESCRIPTION', () => {
    const { ctx } = sampleVault();
    const report = evaluate(loadSnapshot(ctx), TODAY);
    const expected = [report.firm.rules, ...report.staff.map((s) => s.rules), ...report.suppliers.map((s) => s.rules), ...report.cases.map((s) => s.rules)]
      .flat()
      .filter((r) => r.changesOn && r.changesOn >= TODAY);
    const now = new Date('2026-11-24T09:30:00Z');
    const { ics, events } = vaultCalendar(ctx, { now });
    expect(events).toBe(expected.length);
    const parsed = parseIcs(ics);
    expect(parsed.longLines).toEqual([]);
    expect(parsed.bareNewlines).toBe(0);
    expect(parsed.calendar).toMatchObject({
      VERSION: '2.0',
      PRODID: '-//Caseproof//Due dates//EN',
      CALSCALE: 'GREGORIAN',
      'X-WR-CALNAME': 'Caseproof due dates: Riverside Rehabilitation Case Management',
    });
    expect(parsed.events).toHaveLength(expected.length);
    const toni = parsed.events.find((e) => e.UID.value.startsWith('staff-RR-02-STAFF-INDEMNITY@'))!;
    expect(toni.DTSTART).toEqual({ name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20261216' });
    expect(toni.DTEND).toEqual({ name: 'DTEND', params: { VALUE: 'DATE' }, value: '20261217' });
    expect(toni.DTSTAMP.value).toBe('20261124T093000Z');
    expect(toni.SUMMARY.value).toBe('Toni Reyes: Professional indemnity (STAFF-INDEMNITY) lapses');
    const reason = report.staff.find((s) => s.ref === 'RR-02')!.rules.find((r) => r.rule === 'STAFF-INDEMNITY')!.reason;
    // The reason has commas and the source a semicolon: both survive escaping and folding.
    expect(reason).toContain(',');
    expect(toni.DESCRIPTION.value).toBe(`${reason}.\nStatus on 24/11/2026: Due soon. Rule STAFF-INDEMNITY, from MTSP Organisation A; Ethics 4.6.`);
    // The firm's and the case's events name them; a case carries no client details.
    expect(parsed.events.find((e) => e.UID.value.startsWith('firm-firm-ORG-POLICY-HANDOVER@'))!.SUMMARY.value).toBe(
      'Riverside Rehabilitation Case Management: Handover policy (ORG-POLICY-HANDOVER) lapses',
    );
    expect(parsed.events.find((e) => e.UID.value.startsWith('case-RC-100-CASE-RISK-REVIEW@'))!.SUMMARY.value).toBe(
      'Case RC-100: Risk review (CASE-RISK-REVIEW) lapses',
    );
    // Soonest first; UIDs unique.
    const starts = parsed.events.map((e) => e.DTSTART.value);
    expect(starts).toEqual([...starts].sort());
    expect(new Set(parsed.events.map((e) => e.UID.value)).size).toBe(parsed.events.length);
  });

  it('keeps the UID when the date moves (a renewal), and filters to N days when asked', () => {
    const { ctx } = sampleVault();
    const before = parseIcs(vaultCalendar(ctx, { now: new Date() }).ics).events.find((e) => e.SUMMARY.value.startsWith('Toni Reyes: Professional indemnity'))!;
    addRecord(ctx, { type: 'staff', ref: 'RR-02' }, 'indemnity', {
      insurer: 'CSP',
      coverGBP: 5_000_000,
      startsOn: '2026-12-16',
      expiresOn: '2027-12-15',
      heldBy: 'self',
    });
    const after = parseIcs(vaultCalendar(ctx, { now: new Date() }).ics).events.find((e) => e.SUMMARY.value.startsWith('Toni Reyes: Professional indemnity'))!;
    expect(after.UID.value).toBe(before.UID.value);
    expect(before.DTSTART.value).toBe('20261216');
    expect(after.DTSTART.value).toBe('20271216');
    // Within 60 days only the case's risk review remains.
    const soon = parseIcs(vaultCalendar(ctx, { days: 60, now: new Date() }).ics).events;
    expect(soon.map((e) => e.SUMMARY.value)).toEqual(['Case RC-100: Risk review (CASE-RISK-REVIEW) lapses']);
  });

  it('marks a rule that becomes met on a known date, and skips dates before as-of', () => {
    const snapshot = aFirm({ staff: [aStaff({ ref: 'N-1', name: 'New Starter', caseManagementSince: '2025-06-01' })] });
    const report = evaluate(snapshot, AS_OF);
    const ev = calendarEvents(report, { firmName: 'Firm, Ltd', asOf: AS_OF });
    const cm = ev.find((e) => e.uid.startsWith('staff-N-1-STAFF-EXPERIENCE-CM@'))!;
    expect(cm).toMatchObject({ date: '2027-06-01', summary: 'New Starter: Case-management experience (STAFF-EXPERIENCE-CM) is met from this day' });
    expect(ev.every((e) => e.date >= AS_OF)).toBe(true);
    const { ics } = dueCalendar(report, { firmName: 'Firm, Ltd', asOf: AS_OF, now: new Date('2026-01-01T00:00:00Z') });
    expect(ics).toContain('X-WR-CALNAME:Caseproof due dates: Firm\\, Ltd\r\n');
    // UIDs depend on the firm, so two firms' calendars do not collide.
    const other = calendarEvents(report, { firmName: 'Another firm', asOf: AS_OF });
    expect(other.find((e) => e.uid.startsWith('staff-N-1-STAFF-EXPERIENCE-CM@'))!.uid).not.toBe(cm.uid);
  });

  it('saves through the save dialog from the dashboard operation, and does nothing when cancelled', async () => {
    const { registry, platform, dir } = sampleRegistry();
    const file = path.join(dir, 'due.ics');
    platform.dialogAnswers.push(file);
    const r = await registry.call('exportDueCalendar', {});
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.path).toBe(file);
    const { readFileSync, existsSync } = await import('node:fs');
    expect(parseIcs(readFileSync(file, 'utf8')).events).toHaveLength(r.value.events);
    platform.dialogAnswers.push(null);
    expect(await registry.call('exportDueCalendar', { days: 30 })).toEqual({ ok: true, value: { path: null, events: 0 } });
    expect(existsSync(path.join(dir, 'caseproof-due-dates.ics'))).toBe(false);
  });
});

describe('re-vetting overdue in the due list', () => {
  it('lists a supplier whose approval review date has passed, first and marked overdue', async () => {
    const { evaluate, dueList } = await import('../../electron/services/compliance/engine');
    const { loadSample } = await import('../support/builders');
    const snap = loadSample();
    snap.suppliers[0].decisions[0].nextReviewOn = '2026-11-01';
    const asOf = '2026-11-24';
    const items = dueList(evaluate(snap, asOf), asOf, 60, snap);
    expect(items[0]).toMatchObject({
      subject: 'supplier',
      ref: 'RS-01',
      rule: 'SUP-VETTING-DECISION',
      status: 'not_met',
      changesOn: '2026-11-01',
      overdue: true,
    });
    expect(items[0].reason).toMatch(/^Re-vetting overdue: Approved by Kim Byrne on 02\/10\/2026 but the review due on 01\/11\/2026 has passed/);
    // Without the snapshot only what is about to lapse is listed.
    expect(dueList(evaluate(snap, asOf), asOf, 60).some((i) => i.overdue)).toBe(false);
    // A rejected supplier is not "due": it was never approved.
    snap.suppliers[0].decisions[0].decision = 'rejected';
    expect(dueList(evaluate(snap, asOf), asOf, 60, snap).some((i) => i.overdue)).toBe(false);
  });
});
