// Case services over a real encrypted vault: create/update with data minimisation, closing
// with a reason, the checklist, instructions with the Governance A check and its override,
// handovers moving the caseload on their date, filters, retention listing and deletion.
import { createDecipheriv } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../electron/services/compliance/engine';
import { caseView, closeCase, createCase, listCases, listParties, updateCase, updateChecklist } from '../../electron/services/cases/cases';
import { detailsOf } from '../../electron/contract/ops/journey';
import { caseloadSentence, caseloadView, partyReport } from '../../electron/services/cases/figures';
import { handOverCase } from '../../electron/services/cases/handovers';
import { instructSupplier } from '../../electron/services/cases/instructions';
import { casesPastRetention, deleteCase, deletePastRetention } from '../../electron/services/cases/retention';
import { AppError } from '../../electron/services/errors';
import { addRecord } from '../../electron/services/evidence/records';
import { updateSettings } from '../../electron/services/firm/firm';
import { loadSnapshot } from '../../electron/services/snapshot';
import { createStaff } from '../../electron/services/staff/staff';
import { createSupplier } from '../../electron/services/suppliers/suppliers';
import type { Ctx } from '../../electron/services/context';
import { ctxFor, newVault } from '../support/vaults';
import { thrownBy } from '../support/errors';
import { vetSupplier } from '../support/vetted';

const TODAY = '2026-11-24';

const errorOf = (fn: () => unknown) => thrownBy(fn, AppError);

/** A vault with two case managers and three suppliers: approved, rejected, approved but lapsed. */
function firm() {
  const v = newVault();
  const ctx = ctxFor(v.vault, TODAY);
  updateSettings(ctx, { caseloadPerDayMax: 8 });
  createStaff(ctx, { ref: 'CM-1', name: 'Alex Morgan', daysPerWeek: 3 });
  createStaff(ctx, { ref: 'CM-2', name: 'Sam Okafor', daysPerWeek: 4 });
  for (const [ref, name] of [
    ['SUP-OK', 'Dales Physio'],
    ['SUP-NO', 'Quick Fix Therapy'],
    ['SUP-OLD', 'Lapsed Care'],
  ]) {
    // v2: "works directly with clients?" must be answered (unanswered, SUP-DBS is not met)
    createSupplier(ctx, { ref, name, kind: 'organisation', services: ['physiotherapy'], worksWithClients: false });
  }
  // Rules v2: an instruction is vetted only if indemnity, fitness to practise and DBS do not fail on its date.
  vetSupplier(ctx, 'SUP-OK');
  addRecord(ctx, { type: 'supplier', ref: 'SUP-NO' }, 'decision', { decision: 'rejected', by: 'Kim Byrne', on: '2026-02-01', note: 'no indemnity' });
  addRecord(ctx, { type: 'supplier', ref: 'SUP-OLD' }, 'decision', { decision: 'approved', by: 'Kim Byrne', on: '2025-01-01', nextReviewOn: '2026-01-01' });
  return { ...v, ctx };
}
const party = { name: 'Fenwick Law', kind: 'solicitor' as const };
function addCase(ctx: Ctx, ref: string, over: Record<string, unknown> = {}) {
  return createCase(ctx, {
    ref,
    initials: 'JD',
    caseManager: 'CM-1',
    instructingParty: party,
    status: 'open-active',
    openedOn: '2026-03-01',
    injury: 'brain',
    funding: 'claimant-solicitor',
    ...over,
  });
}
const rule = (view: ReturnType<typeof caseView>, id: string) => view.rules.find((r) => r.rule === id)!;

describe('creating and editing cases', () => {
  it('keeps a reference and initials only, and refuses anything else about the client', () => {
    const { ctx } = firm();
    const v = addCase(ctx, 'RC-1');
    expect(v.case).toMatchObject({ ref: 'RC-1', initials: 'JD', caseManager: 'CM-1', instructingParty: party });
    expect(v.caseManagerName).toBe('Alex Morgan');
    const named = errorOf(() => addCase(ctx, 'RC-2', { initials: 'Jane Doe' }));
    expect([named.code, named.field]).toEqual(['invalid', 'initials']);
    const dob = errorOf(() => addCase(ctx, 'RC-2', { dateOfBirth: '1980-01-01' }));
    expect(dob.message).toMatch(/dateOfBirth: is not a known field/);
    const address = errorOf(() => addCase(ctx, 'RC-2', { address: '1 High St' }));
    expect(address.message).toMatch(/address: is not a known field/);
    expect(listCases(ctx, {}).total).toBe(1);
  });

  it('refuses a duplicate reference, an unknown case manager, and dates that run backwards', () => {
    const { ctx } = firm();
    addCase(ctx, 'RC-1');
    expect([errorOf(() => addCase(ctx, 'RC-1')).code, errorOf(() => addCase(ctx, 'RC-1')).field]).toEqual(['conflict', 'ref']);
    // A reference that is also the name of a page is a reference like any other (the UI's routes keep them apart).
    expect(addCase(ctx, 'caseload').case.ref).toBe('caseload');
    expect(errorOf(() => addCase(ctx, 'RC-2', { caseManager: 'NOBODY' })).field).toBe('caseManager');
    const back = errorOf(() => addCase(ctx, 'RC-2', { referredOn: '2026-04-01', openedOn: '2026-03-01' }));
    expect([back.field, back.message]).toEqual(['openedOn', 'openedOn: must not be before the referral date (01/04/2026)']);
  });

  it('reuses instructing parties as contacts', () => {
    const { ctx } = firm();
    addCase(ctx, 'RC-1');
    addCase(ctx, 'RC-2', { instructingParty: { ...party, contact: 'cases@fenwick.example' } });
    addCase(ctx, 'RC-3', { instructingParty: { name: 'Northern Insurance', kind: 'insurer' } });
    const parties = listParties(ctx);
    expect(parties.map((p) => [p.name, p.kind, p.cases, p.contact])).toEqual([
      ['Fenwick Law', 'solicitor', 2, 'cases@fenwick.example'],
      ['Northern Insurance', 'insurer', 1, undefined],
    ]);
  });

  it('moves a case to another manager only by a handover, not by editing', () => {
    const { ctx } = firm();
    const v = addCase(ctx, 'RC-1');
    const details = detailsOf(v.case);
    const e = errorOf(() => updateCase(ctx, 'RC-1', { ...details, caseManager: 'CM-2' }));
    expect([e.code, e.field]).toEqual(['conflict', 'caseManager']);
    const edited = updateCase(ctx, 'RC-1', { ...details, injury: 'spinal', complexity: 'high' });
    expect(edited.case).toMatchObject({ injury: 'spinal', complexity: 'high', caseManager: 'CM-1' });
  });
});

describe('closing a case', () => {
  it('requires a reason from the list and a date, and then the CASE-* rules no longer apply', () => {
    const { ctx } = firm();
    addCase(ctx, 'RC-1');
    const noReason = errorOf(() => closeCase(ctx, { ref: 'RC-1', closedOn: '2026-11-01' }));
    expect([noReason.code, noReason.field]).toEqual(['invalid', 'closedReason']);
    const badReason = errorOf(() => closeCase(ctx, { ref: 'RC-1', closedOn: '2026-11-01', closedReason: 'bored' }));
    expect(badReason.message).toMatch(/closedReason: must be one of goals achieved, settled/);
    expect(errorOf(() => closeCase(ctx, { ref: 'RC-1', closedReason: 'settled' })).field).toBe('closedOn');
    expect(errorOf(() => closeCase(ctx, { ref: 'RC-1', closedReason: 'settled', closedOn: '2026-02-01' })).message).toBe(
      'closedOn: must not be before the opening date (01/03/2026)',
    );
    expect(caseView(ctx, 'RC-1').case.status).toBe('open-active');

    const v = closeCase(ctx, { ref: 'RC-1', closedOn: '2026-11-01', closedReason: 'goals achieved' });
    expect(v.case).toMatchObject({ status: 'closed', closedOn: '2026-11-01', closedReason: 'goals achieved' });
    expect(v.rules.every((r) => r.status === 'not_applicable')).toBe(true);
    expect(v.history.at(-1)).toEqual({ on: '2026-11-01', kind: 'closed', what: 'Case closed: goals achieved' });
    expect(v.retention).toEqual({ years: 7, keepUntil: '2033-11-01', past: false });
    expect(errorOf(() => closeCase(ctx, { ref: 'RC-1', closedOn: '2026-11-02', closedReason: 'settled' })).code).toBe('conflict');
  });

  it('editing to closed needs the same; reopening clears the closing fields', () => {
    const { ctx } = firm();
    const d = detailsOf(addCase(ctx, 'RC-1').case);
    expect(errorOf(() => updateCase(ctx, 'RC-1', { ...d, status: 'closed', closedOn: '2026-10-01' })).field).toBe('closedReason');
    expect(errorOf(() => updateCase(ctx, 'RC-1', { ...d, closedOn: '2026-10-01' })).message).toBe('closedOn: only a closed case has a closing date');
    const closed = updateCase(ctx, 'RC-1', { ...d, status: 'closed', closedOn: '2026-10-01', closedReason: 'settled' }).case;
    const { closedOn: _c, closedReason: _r, ...open } = detailsOf(closed);
    expect(updateCase(ctx, 'RC-1', { ...open, status: 'monitoring' }).case).not.toHaveProperty('closedOn');
  });
});

describe('standard-practice checklist', () => {
  it('records ticks with dates and the CASE-* rules follow', () => {
    const { ctx } = firm();
    expect(rule(addCase(ctx, 'RC-1'), 'CASE-PRE-INA').status).toBe('not_met');
    const v = updateChecklist(ctx, 'RC-1', {
      rehabPrescriptionRequestedOn: '2026-03-02',
      preInaRequestedOn: '2026-03-02',
      preInaUnavailable: true,
      nhsContactOn: '2026-03-10',
      nhsTeam: 'Leeds major trauma team',
      statutoryProvisionOn: '2026-03-12',
      rehabPlanOn: '2026-04-01',
      rehabPlanShared: true,
      consentRecordedOn: '2026-03-01',
      riskReviewedOn: '2026-10-01',
    });
    expect(rule(v, 'CASE-REHAB-PRESCRIPTION').status).toBe('met');
    expect(rule(v, 'CASE-PRE-INA').reason).toBe('Pre-INA report requested on 02/03/2026; recorded as not available');
    expect(rule(v, 'CASE-NHS-CONTACT').status).toBe('met');
    // Rules v2: the plan needs a goal with a measure and a target date, which cases cannot record yet (the case journey will)
    expect(rule(v, 'CASE-REHAB-PLAN')).toMatchObject({ status: 'not_met', reason: expect.stringContaining('no goal with a measure and a target date') });
    expect(rule(v, 'CASE-CONSENT')).toMatchObject({ status: 'met', changesOn: '2027-03-01' });
    expect(rule(v, 'CASE-RISK-REVIEW')).toMatchObject({ status: 'due_soon', changesOn: '2027-01-01' });
    expect(v.case.statutoryProvisionOn).toBe('2026-03-12');
    // Unticking removes the item, leaving the case's other details alone.
    const off = updateChecklist(ctx, 'RC-1', { preInaRequestedOn: '2026-03-02' });
    expect(off.case.rehabPrescriptionRequestedOn).toBeUndefined();
    expect(off.case.injury).toBe('brain');
    expect(rule(off, 'CASE-REHAB-PRESCRIPTION').status).toBe('not_met');
  });

  it('refuses future dates, reviews before requests, and an NHS contact without the team', () => {
    const { ctx } = firm();
    addCase(ctx, 'RC-1');
    expect(errorOf(() => updateChecklist(ctx, 'RC-1', { riskReviewedOn: '2026-11-25' })).message).toBe(
      'riskReviewedOn: must not be in the future (today is 24/11/2026)',
    );
    expect(errorOf(() => updateChecklist(ctx, 'RC-1', { preInaRequestedOn: '2026-05-01', preInaReviewedOn: '2026-04-01' })).field).toBe('preInaReviewedOn');
    expect(errorOf(() => updateChecklist(ctx, 'RC-1', { nhsContactOn: '2026-05-01' })).field).toBe('nhsTeam');
    expect(errorOf(() => updateChecklist(ctx, 'RC-1', { surname: 'Doe' })).message).toMatch(/surname: is not a known field/);
  });
});

describe('instructions (Governance A)', () => {
  it('instructs an approved supplier; CASE-SUPPLIERS-VETTED is met', () => {
    const { ctx } = firm();
    addCase(ctx, 'RC-1');
    const r = instructSupplier(ctx, { ref: 'RC-1', supplier: 'SUP-OK', on: '2026-06-01', service: 'physiotherapy', overrideReason: 'not needed' });
    expect(r.overridden).toBe(false);
    expect(r.view.instructions).toEqual([
      expect.objectContaining({ supplier: 'SUP-OK', supplierName: 'Dales Physio', on: '2026-06-01', service: 'physiotherapy', approvedOnDay: true }),
    ]);
    expect(r.view.instructions[0]).not.toHaveProperty('overrideReason'); // approved: nothing to override
    expect(rule(r.view, 'CASE-SUPPLIERS-VETTED').status).toBe('met');
  });

  it('refuses a rejected or lapsed supplier with a conflict naming why, and records nothing', () => {
    const { ctx } = firm();
    addCase(ctx, 'RC-1');
    const rejected = errorOf(() => instructSupplier(ctx, { ref: 'RC-1', supplier: 'SUP-NO', on: '2026-06-01' }));
    expect(rejected.code).toBe('conflict');
    expect(rejected.field).toBe('overrideReason');
    expect(rejected.message).toBe(
      'Quick Fix Therapy (SUP-NO) was not approved on 01/06/2026: rejected by Kim Byrne on 01/02/2026 (no indemnity); and ' +
        'Professional indemnity (SUP-INDEMNITY) was not met on that date: no professional indemnity policy is recorded; ' +
        'Fitness to practise (SUP-FITNESS-TO-PRACTISE) was not met on that date: no register or fitness-to-practise check is recorded. ' +
        'To instruct them anyway, give the reason for the override; it will be recorded on the case.',
    );
    // v2: approved, but the indemnity lapsed after approval: not vetted either
    expect(errorOf(() => instructSupplier(ctx, { ref: 'RC-1', supplier: 'SUP-OK', on: '2026-01-09' })).message).toMatch(
      /^Dales Physio \(SUP-OK\) was not approved on 09\/01\/2026/,
    );
    const lapsed = errorOf(() => instructSupplier(ctx, { ref: 'RC-1', supplier: 'SUP-OLD', on: '2026-06-01' }));
    expect(lapsed.message).toMatch(/the review due on 01\/01\/2026 has passed/);
    // Approved on a later date only: not approved on the instruction date.
    expect(errorOf(() => instructSupplier(ctx, { ref: 'RC-1', supplier: 'SUP-OK', on: '2026-01-09' })).code).toBe('conflict');
    expect(errorOf(() => instructSupplier(ctx, { ref: 'RC-1', supplier: 'NOPE', on: '2026-06-01' })).field).toBe('supplier');
    expect(errorOf(() => instructSupplier(ctx, { ref: 'RC-1', supplier: 'SUP-OK', on: '2026-12-01' })).field).toBe('on');
    expect(caseView(ctx, 'RC-1').instructions).toEqual([]);
  });

  it('v2: refuses an approved supplier whose indemnity has lapsed by the instruction date, and the case page agrees with the rule', () => {
    const { ctx } = firm();
    addCase(ctx, 'RC-1');
    createSupplier(ctx, { ref: 'SUP-LAPSE', name: 'Vale OT', kind: 'organisation', services: ['physiotherapy'], worksWithClients: false });
    const sup = { type: 'supplier' as const, ref: 'SUP-LAPSE' };
    addRecord(ctx, sup, 'decision', { decision: 'approved', by: 'Kim Byrne', on: '2026-01-10', nextReviewOn: '2027-01-10' });
    addRecord(ctx, sup, 'supplierIndemnity', { insurer: 'Balens', coverGBP: 2_000_000, startsOn: '2025-06-01', expiresOn: '2026-05-31' });
    addRecord(ctx, sup, 'fitnessCheck', { checkedOn: '2026-01-05', register: 'HCPC', result: 'clear' });
    expect(instructSupplier(ctx, { ref: 'RC-1', supplier: 'SUP-LAPSE', on: '2026-05-31' }).overridden).toBe(false);
    const lapsed = errorOf(() => instructSupplier(ctx, { ref: 'RC-1', supplier: 'SUP-LAPSE', on: '2026-06-01' }));
    expect(lapsed.message).toBe(
      'Vale OT (SUP-LAPSE) was approved on 01/06/2026, but Professional indemnity (SUP-INDEMNITY) was not met on that date: ' +
        'no policy is in force on 01/06/2026: the Balens policy (£2,000,000) expired on 31/05/2026. ' +
        'To instruct them anyway, give the reason for the override; it will be recorded on the case.',
    );
    const r = instructSupplier(ctx, { ref: 'RC-1', supplier: 'SUP-LAPSE', on: '2026-06-01', overrideReason: 'Renewal in post' });
    expect(r.view.instructions[1]).toMatchObject({ approvedOnDay: false, overrideReason: 'Renewal in post' });
    expect(rule(r.view, 'CASE-SUPPLIERS-VETTED').status).toBe('not_met');
  });

  it('records an override with its reason; the case shows it and CASE-SUPPLIERS-VETTED is not met', () => {
    const { ctx } = firm();
    addCase(ctx, 'RC-1');
    const r = instructSupplier(ctx, { ref: 'RC-1', supplier: 'SUP-NO', on: '2026-06-01', overrideReason: 'Only local provider; urgent' });
    expect(r.overridden).toBe(true);
    expect(r.view.instructions[0]).toMatchObject({ overrideReason: 'Only local provider; urgent', approvedOnDay: false });
    const vetted = rule(r.view, 'CASE-SUPPLIERS-VETTED');
    expect(vetted.status).toBe('not_met');
    expect(vetted.reason).toContain('override recorded: Only local provider; urgent');
    expect(r.view.history.find((h) => h.kind === 'instruction')!.what).toBe(
      'Instructed Quick Fix Therapy (SUP-NO); not approved on the day, override recorded: Only local provider; urgent',
    );
    // The whole-firm report (loadSnapshot) agrees with the case page.
    const report = evaluate(loadSnapshot(ctx), TODAY);
    expect(report.cases[0].rules.find((x) => x.rule === 'CASE-SUPPLIERS-VETTED')!.status).toBe('not_met');
  });
});

describe('handovers and caseload figures', () => {
  it('moves the case to the new manager, and the count moves on the handover date', () => {
    const { ctx } = firm();
    addCase(ctx, 'RC-1');
    addCase(ctx, 'RC-2', { status: 'monitoring' });
    const before = caseloadView(ctx, '2026-09-30', 'CM-1');
    expect([before.figures.openActive, before.figures.monitoring]).toEqual([1, 1]);
    const v = handOverCase(ctx, {
      ref: 'RC-1',
      to: 'CM-2',
      on: '2026-10-01',
      reason: 'Maternity leave',
      jointWorkingDays: 14,
      clientInformed: true,
      note: 'Joint visit booked',
    });
    expect(v.case.caseManager).toBe('CM-2');
    expect(v.caseManagerName).toBe('Sam Okafor');
    expect(v.handovers).toEqual([
      {
        on: '2026-10-01',
        fromRef: 'CM-1',
        toRef: 'CM-2',
        fromName: 'Alex Morgan',
        toName: 'Sam Okafor',
        reason: 'Maternity leave',
        jointWorkingDays: 14,
        clientInformed: true,
        note: 'Joint visit booked',
      },
    ]);
    expect(v.history.find((h) => h.kind === 'handover')!.what).toBe(
      'Handed over from Alex Morgan to Sam Okafor: Maternity leave; 14 days of joint working; client informed',
    );
    const count = (ref: string, on: string) => caseloadView(ctx, on, ref).figures.openActive;
    expect([count('CM-1', '2026-09-30'), count('CM-2', '2026-09-30')]).toEqual([1, 0]);
    expect([count('CM-1', '2026-10-01'), count('CM-2', '2026-10-01')]).toEqual([0, 1]);
    // The firm view agrees, line by line.
    const firmView = caseloadView(ctx, '2026-10-01');
    expect(firmView.managers.map((m) => [m.ref, m.figures.openActive, m.figures.monitoring])).toEqual([
      ['CM-1', 0, 1],
      ['CM-2', 1, 0],
    ]);
    expect(firmView.figures).toMatchObject({ openActive: 1, monitoring: 1, daysPerWeek: 7 });
  });

  it('refuses a handover to the same manager, before the last one, or on a closed case', () => {
    const { ctx } = firm();
    addCase(ctx, 'RC-1');
    const h = { ref: 'RC-1', to: 'CM-1', on: '2026-10-01', reason: 'Leave', clientInformed: false };
    expect(errorOf(() => handOverCase(ctx, h)).field).toBe('to');
    handOverCase(ctx, { ...h, to: 'CM-2' });
    expect(errorOf(() => handOverCase(ctx, { ...h, on: '2026-09-01' })).message).toBe('on: must not be before the last handover (01/10/2026)');
    expect(errorOf(() => handOverCase(ctx, { ...h, reason: '' })).field).toBe('reason');
    handOverCase(ctx, { ...h, on: '2026-11-01' }); // back to CM-1
    expect(caseView(ctx, 'RC-1').handovers.map((x) => x.toRef)).toEqual(['CM-2', 'CM-1']);
    closeCase(ctx, { ref: 'RC-1', closedOn: '2026-11-20', closedReason: 'settled' });
    expect(errorOf(() => handOverCase(ctx, { ...h, to: 'CM-2', on: '2026-11-21' })).code).toBe('conflict');
  });

  it('counts monitoring apart from open active, and closed cases and referrals not at all', () => {
    const { ctx } = firm();
    for (let i = 0; i < 5; i++) addCase(ctx, `A-${i}`, { injury: i < 3 ? 'brain' : 'spinal' });
    addCase(ctx, 'M-1', { status: 'monitoring', funding: 'deputy' });
    addCase(ctx, 'M-2', { status: 'monitoring', instructingParty: { name: 'Northern Insurance', kind: 'insurer' } });
    addCase(ctx, 'R-1', { status: 'referral', openedOn: undefined, referredOn: '2026-11-01' });
    addCase(ctx, 'C-1', { status: 'closed', closedOn: '2026-10-01', closedReason: 'settled' });
    addCase(ctx, 'LATER', { openedOn: '2026-12-01' }); // not yet open on the date
    const v = caseloadView(ctx, TODAY, 'CM-1');
    expect(v.figures).toMatchObject({ openActive: 5, monitoring: 2, referral: 1, daysPerWeek: 3, perWorkingDay: 1.67 });
    expect(v.figures.byInjury).toEqual({ brain: 5, spinal: 2 });
    expect(v.figures.byFunding).toEqual({ 'claimant-solicitor': 6, deputy: 1 });
    expect(v.figures.byParty).toEqual({ 'Fenwick Law': 6, 'Northern Insurance': 1 });
    expect(v.sentence).toBe('5 open active, 2 monitoring, 3 days a week');
    // the words of STAFF-CASELOAD itself (one test, compared unrounded)
    expect(v).toMatchObject({ status: 'met', reason: "5 open-active cases over 3 days a week = 1.67 a day, within the firm's limit of 8" });
    expect(caseloadView(ctx, TODAY, 'CM-2').sentence).toBe('0 open active, 0 monitoring, 4 days a week');
    expect(errorOf(() => caseloadView(ctx, TODAY, 'NOBODY')).code).toBe('not-found');
  });

  it('says when the load is over the limit or the days are not recorded', () => {
    const { ctx } = firm();
    updateSettings(ctx, { caseloadPerDayMax: 1 });
    for (let i = 0; i < 4; i++) addCase(ctx, `A-${i}`);
    expect(caseloadView(ctx, TODAY, 'CM-1')).toMatchObject({
      status: 'not_met',
      reason: "4 open-active cases over 3 days a week = 1.33 a day, above the firm's limit of 1",
    });
    createStaff(ctx, { ref: 'CM-3', name: 'No Days' });
    expect(caseloadView(ctx, TODAY, 'CM-3')).toMatchObject({ status: 'not_met', sentence: '0 open active, 0 monitoring, working days a week not recorded' });
    expect(caseloadView(ctx, TODAY).figures.daysPerWeek).toBeNull(); // one person's days unknown: no firm total
    expect(
      caseloadSentence({
        staffRef: null,
        asOf: TODAY,
        openActive: 25,
        monitoring: 12,
        referral: 0,
        daysPerWeek: 1,
        perWorkingDay: 25,
        byInjury: {},
        byFunding: {},
        byParty: {},
      }),
    ).toBe('25 open active, 12 monitoring, 1 day a week');
  });
});

describe('the case list', () => {
  function many(ctx: Ctx) {
    addCase(ctx, 'RC-001', { initials: 'AB' });
    addCase(ctx, 'RC-002', { initials: 'CD', status: 'monitoring', injury: 'spinal' });
    addCase(ctx, 'RC-003', { initials: 'EF', caseManager: 'CM-2', instructingParty: { name: 'Northern Insurance', kind: 'insurer' } });
    addCase(ctx, 'XY-100', { initials: 'AB', status: 'closed', closedOn: '2026-05-01', closedReason: 'settled' });
    addCase(ctx, 'XY_1', { initials: 'GH' });
  }
  const refs = (ctx: Ctx, q: Record<string, unknown>) => listCases(ctx, q).rows.map((r) => r.ref);

  it('searches by reference or initials and filters by manager, status, party and injury', () => {
    const { ctx } = firm();
    many(ctx);
    expect(refs(ctx, {})).toEqual(['RC-001', 'RC-002', 'RC-003', 'XY-100', 'XY_1']);
    expect(refs(ctx, { search: 'rc-00' })).toEqual(['RC-001', 'RC-002', 'RC-003']);
    expect(refs(ctx, { search: 'ab' })).toEqual(['RC-001', 'XY-100']);
    expect(refs(ctx, { search: 'XY_' })).toEqual(['XY_1']); // _ is literal, not a wildcard
    expect(refs(ctx, { search: '%' })).toEqual([]);
    expect(refs(ctx, { caseManager: 'CM-2' })).toEqual(['RC-003']);
    expect(refs(ctx, { status: 'monitoring' })).toEqual(['RC-002']);
    expect(refs(ctx, { status: 'closed', search: 'AB' })).toEqual(['XY-100']);
    const northern = listParties(ctx).find((p) => p.name === 'Northern Insurance')!;
    expect(refs(ctx, { partyId: northern.id })).toEqual(['RC-003']);
    expect(refs(ctx, { injury: 'spinal' })).toEqual(['RC-002']);
    expect(refs(ctx, { caseManager: 'CM-1', injury: 'brain', status: 'open-active' })).toEqual(['RC-001', 'XY_1']);
    const row = listCases(ctx, { search: 'RC-003' }).rows[0];
    expect(row).toMatchObject({ caseManager: 'CM-2', caseManagerName: 'Sam Okafor', party: 'Northern Insurance', partyKind: 'insurer', status: 'open-active' });
  });

  it('pages with a total', () => {
    const { ctx } = firm();
    many(ctx);
    const p1 = listCases(ctx, { limit: 2 });
    const p3 = listCases(ctx, { limit: 2, offset: 4 });
    expect([p1.total, p1.rows.map((r) => r.ref)]).toEqual([5, ['RC-001', 'RC-002']]);
    expect([p3.total, p3.rows.map((r) => r.ref)]).toEqual([5, ['XY_1']]);
    expect(errorOf(() => listCases(ctx, { limit: 5000 })).field).toBe('limit');
  });
});

describe('report by instructing party', () => {
  it('counts cases, the injury mix and the median days from referral to closure', () => {
    const { ctx } = firm();
    const closed = (ref: string, referredOn: string, closedOn: string, over = {}) =>
      addCase(ctx, ref, { status: 'closed', referredOn, openedOn: referredOn, closedOn, closedReason: 'settled', ...over });
    closed('C-1', '2025-01-01', '2025-01-11'); // 10 days
    closed('C-2', '2025-01-01', '2025-01-31', { injury: 'spinal' }); // 30
    closed('C-3', '2025-01-01', '2025-04-11'); // 100
    closed('C-4', '2025-01-01', '2025-02-10'); // 40
    addCase(ctx, 'C-5', { status: 'closed', closedOn: '2025-05-01', closedReason: 'settled', openedOn: undefined }); // no referral date
    addCase(ctx, 'O-1', { injury: undefined });
    addCase(ctx, 'N-1', { instructingParty: { name: 'Northern Insurance', kind: 'insurer' }, status: 'referral', openedOn: undefined });
    const [fenwick, northern] = partyReport(ctx);
    expect(fenwick).toMatchObject({
      name: 'Fenwick Law',
      cases: 6,
      openActive: 1,
      closed: 5,
      referral: 0,
      monitoring: 0,
      medianDaysToClose: 35,
      closedWithDates: 4,
    });
    expect(fenwick.byInjury).toEqual({ brain: 4, spinal: 1, 'not recorded': 1 });
    expect(northern).toMatchObject({ name: 'Northern Insurance', cases: 1, referral: 1, medianDaysToClose: null, closedWithDates: 0 });
  });
});

describe('retention', () => {
  function closedCases(ctx: Ctx) {
    addCase(ctx, 'OLD-1', { status: 'closed', openedOn: '2018-01-01', closedOn: '2019-06-30', closedReason: 'settled' });
    addCase(ctx, 'EDGE', { status: 'closed', openedOn: '2018-01-01', closedOn: '2019-11-24', closedReason: 'settled' });
    addCase(ctx, 'KEEP', { status: 'closed', openedOn: '2018-01-01', closedOn: '2019-11-25', closedReason: 'goals achieved' });
    addCase(ctx, 'OPEN', { openedOn: '2015-01-01' });
  }

  it('lists closed cases whose retention period has ended, oldest first', () => {
    const { ctx } = firm();
    closedCases(ctx);
    const r = casesPastRetention(ctx, TODAY);
    expect(r.years).toBe(7);
    expect(r.due.map((x) => [x.ref, x.closedOn, x.keepUntil])).toEqual([
      ['OLD-1', '2019-06-30', '2026-06-30'],
      ['EDGE', '2019-11-24', '2026-11-24'],
    ]);
    expect(r.due[0]).toMatchObject({ caseManagerName: 'Alex Morgan', party: 'Fenwick Law', closedReason: 'settled', initials: 'JD' });
    expect(r.undated).toEqual([]);
    updateSettings(ctx, { retentionYears: 8 });
    expect(casesPastRetention(ctx, TODAY).due).toEqual([]);
  });

  it('deletes a case with its instructions and handovers; nothing of it is left in the decrypted file', () => {
    const { ctx, vault, file } = firm();
    closedCases(ctx);
    addCase(ctx, 'GONE-77', { openedOn: '2018-01-01' });
    instructSupplier(ctx, { ref: 'GONE-77', supplier: 'SUP-OK', on: '2026-02-01', service: 'physiotherapy' });
    handOverCase(ctx, { ref: 'GONE-77', to: 'CM-2', on: '2019-01-01', reason: 'Retirement of Alex', clientInformed: true, note: 'Marker note 5150' });
    closeCase(ctx, { ref: 'GONE-77', closedOn: '2026-03-01', closedReason: 'settled' });

    expect(errorOf(() => deleteCase(ctx, 'GONE-77', 'GONE')).field).toBe('confirmRef');
    expect(errorOf(() => deleteCase(ctx, 'OPEN', 'OPEN')).code).toBe('conflict');
    expect(plaintextOf(vault, file)).toContain('GONE-77'); // control: the check can see the ref

    deleteCase(ctx, 'GONE-77', 'GONE-77');
    const counts = vault.sqlite
      .prepare(
        "SELECT (SELECT count(*) FROM cases WHERE ref = 'GONE-77') c, (SELECT count(*) FROM case_instructions) i, (SELECT count(*) FROM case_handovers) h",
      )
      .get();
    expect(counts).toEqual({ c: 0, i: 0, h: 0 });
    expect(errorOf(() => caseView(ctx, 'GONE-77')).code).toBe('not-found');
    // The audit trail keeps that the case existed (its reference and the chain's hashes) but none
    // of its values: retention erased them.
    const kept = vault.sqlite.prepare("SELECT count(*) n FROM audit_log WHERE subject_ref = 'GONE-77' AND action <> 'erase' AND NOT erased").get() as {
      n: number;
    };
    expect(kept.n).toBe(0);
    const plain = plaintextOf(vault, file);
    expect(plain).not.toContain('Marker note 5150');
    expect(plain).not.toContain('Retirement of Alex');
    expect(plain).toContain('OLD-1'); // the other cases are still there
  });

  it('deletes every case past retention at once (the CLI --delete)', () => {
    const { ctx } = firm();
    closedCases(ctx);
    const db = ctx.vault.sqlite;
    const about = (ref: string) =>
      db.prepare<[string], number>(`SELECT count(*) FROM audit_log WHERE subject_ref = ? AND action <> 'erase' AND NOT erased`).pluck().get(ref)!;
    expect(about('OLD-1')).toBeGreaterThan(0);
    expect(about('EDGE')).toBeGreaterThan(0);
    const keptBefore = about('KEEP');
    expect(deletePastRetention(ctx, TODAY).map((r) => r.ref)).toEqual(['OLD-1', 'EDGE']);
    expect(listCases(ctx, {}).rows.map((r) => r.ref)).toEqual(['KEEP', 'OPEN']);
    // Every entry about each deleted case lost its values (one pass for both), an erasure entry for each
    // says how many; the kept cases' entries keep theirs.
    expect(about('OLD-1')).toBe(0);
    expect(about('EDGE')).toBe(0);
    expect(about('KEEP')).toBe(keptBefore);
    const erasures = db
      .prepare<[], { ref: string; n: number }>(
        `SELECT subject_ref AS ref, json_extract(after, '$.entries') AS n FROM audit_log WHERE action = 'erase' ORDER BY seq`,
      )
      .all();
    expect(erasures.map((e) => e.ref)).toEqual(['OLD-1', 'EDGE']);
    for (const e of erasures)
      expect(e.n).toBe(
        db.prepare<[string], number>(`SELECT count(*) FROM audit_log WHERE subject_ref = ? AND erased AND action <> 'erase'`).pluck().get(e.ref),
      );
    expect(erasures.every((e) => e.n > 0)).toBe(true);
  });
});

/**
 * Every page of the vault file decrypted with the vault's key (SQLCipher 4 layout: 4096-byte
 * pages, AES-256-CBC, the IV in the 80 reserved bytes at the end of each page, the salt in
 * the first 16 bytes of page 1). Free pages and the free space inside pages are included,
 * so this sees deleted content that SQL cannot. Checkpoints first, and checks the
 * write-ahead log is then empty.
 */
function plaintextOf(vault: ReturnType<typeof newVault>['vault'], file: string): string {
  vault.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0).toBe(0);
  const raw = readFileSync(file);
  const PAGE = 4096;
  const RESERVE = 80;
  const pages: Buffer[] = [];
  for (let off = 0; off + PAGE <= raw.length; off += PAGE) {
    const page = raw.subarray(off, off + PAGE);
    const d = createDecipheriv('aes-256-cbc', vault.key.key, page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16));
    d.setAutoPadding(false);
    pages.push(d.update(page.subarray(off === 0 ? 16 : 0, PAGE - RESERVE)), d.final());
  }
  const text = Buffer.concat(pages).toString('latin1');
  expect(text).toContain('CREATE TABLE'); // really decrypted
  return text;
}
