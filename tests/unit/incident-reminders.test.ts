// The desktop reminder while a 48-hour incident clock runs (issue 14 item 3): the vault worker's
// reminders (electron/worker/reminders.ts) over a real session and a real encrypted vault, on a
// clock the test moves; a notification when a clock is first seen, at 12 hours left, at 2 hours
// left and when it runs out, each once, and none once the reports are made.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Session } from '../../electron/services/api/session';
import { createCase } from '../../electron/services/cases/cases';
import { saveJourneyItem } from '../../electron/services/cases/journey';
import { manualClock } from '../../electron/services/clock';
import { incidentStage } from '../../electron/services/reminders';
import { createStaff } from '../../electron/services/staff/staff';
import { nodePlatform } from '../../electron/platform/nodePlatform';
import { startReminders } from '../../electron/worker/reminders';
import { tempDir } from '../support/tmp';
import { PASS } from '../support/vaults';

describe('incidentStage', () => {
  it('12:00 left is the 12-hour stage, 12:01 not yet; 2:00 the 2-hour stage; a minute past the deadline has run out', () => {
    expect(incidentStage(721)).toBe('running');
    expect(incidentStage(720)).toBe('12h');
    expect(incidentStage(121)).toBe('12h');
    expect(incidentStage(120)).toBe('2h');
    expect(incidentStage(0)).toBe('2h');
    expect(incidentStage(-1)).toBe('out');
  });
});

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('reminders while the vault is open', () => {
  it('remind of a running clock once at each stage, and stop once it is reported', async () => {
    // London is on GMT in November: local time = UTC.
    const clock = manualClock('2026-11-24T08:00:00Z');
    const platform = nodePlatform({ user: 'Kim Byrne' });
    const session = new Session(platform, {}, clock);
    session.create(path.join(tempDir('caseproof-remind-'), 'firm.cpv'), PASS, false);
    const ctx = session.ctx();
    createStaff(ctx, { ref: 'CM-1', name: 'Alex Morgan', daysPerWeek: 2 });
    createCase(ctx, {
      ref: 'RC-1',
      caseManager: 'CM-1',
      instructingParty: { name: 'Fenwick Law', kind: 'solicitor' },
      status: 'open-active',
      openedOn: '2026-03-01',
    });
    const concern = { kind: 'safeguarding', identifiedAt: '2026-11-24T07:30', summary: 'Bruising seen on a visit' } as const;
    saveJourneyItem(ctx, { ref: 'RC-1', list: 'incidents', item: concern });

    stop = startReminders(session, platform, 20).stop;
    const shown = () => platform.notifications.map((n) => `${n.title}: ${n.body}`);
    const settle = () => new Promise((r) => setTimeout(r, 120));

    await expect
      .poll(shown)
      .toEqual(['Incident to report: case RC-1: 47 hours 30 minutes left to report to the line manager and the safeguarding lead (by 07:30 on 26/11/2026).']);
    await settle();
    expect(platform.notifications).toHaveLength(1); // not repeated at every check
    clock.set('2026-11-25T19:29:00Z'); // 12:01 left: still the first stage
    await settle();
    expect(platform.notifications).toHaveLength(1);
    clock.set('2026-11-25T19:30:00Z'); // 12:00 left
    await expect
      .poll(() => shown()[1])
      .toBe('Incident to report: case RC-1: 12 hours left to report to the line manager and the safeguarding lead (by 07:30 on 26/11/2026).');
    clock.set('2026-11-26T05:30:00Z'); // 2:00 left
    await expect
      .poll(() => shown()[2])
      .toBe('Incident to report: case RC-1: 2 hours left to report to the line manager and the safeguarding lead (by 07:30 on 26/11/2026).');
    clock.set('2026-11-26T07:31:00Z'); // 48:01: run out
    await expect
      .poll(() => shown()[3])
      .toBe(
        'Incident not reported in time: case RC-1: Not reported to the line manager and the safeguarding lead: the 48 hours ran out at 07:30 on 26/11/2026.',
      );
    clock.set('2026-11-26T09:00:00Z');
    saveJourneyItem(ctx, {
      ref: 'RC-1',
      list: 'incidents',
      index: 0,
      item: { ...concern, lineManagerAt: '2026-11-26T07:40', safeguardingLeadAt: '2026-11-26T07:40' },
    });
    await settle();
    expect(platform.notifications).toHaveLength(4);
    // A locked vault is left alone.
    session.lock();
    await settle();
    expect(platform.notifications).toHaveLength(4);
  });
});
