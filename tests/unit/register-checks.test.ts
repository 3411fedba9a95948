// Register checks as receipts (issue 11 item 6) on a real encrypted vault: a check is kept on the
// record it checked with who, when, the register and the result; the register page's screenshot
// is attached as evidence; the record's "last checked" date moves on; the audit trail has it; a
// check that names no record, a wrong result for the register or a future date writes nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { listAuditRows } from '../../db/audit';
import { REGISTERS } from '../../electron/contract/registers';
import type { Ctx } from '../../electron/services/context';
import { AppError } from '../../electron/services/errors';
import { dbsCopiesDue, destroyDueDbsCopies } from '../../electron/services/evidence/dbsCopies';
import { updateSettings } from '../../electron/services/firm/firm';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { loadSnapshot } from '../../electron/services/snapshot';
import { recordRegisterCheck } from '../../electron/services/staffEvidence/registerChecks';
import { makePng } from '../support/png';
import { MORGAN, packFirmFile, sha256 } from '../support/packFirm';
import { ctxFor, newVault } from '../support/vaults';

let ctx: Ctx;
beforeEach(() => {
  ctx = newVault().ctx;
  importFirmFile(ctx, packFirmFile());
});
const morgan = () => loadSnapshot(ctx).staff.find((s) => s.ref === MORGAN.ref)!;

describe('register checks', () => {
  it('keeps an HCPC check on the registration with who, when, result and the page’s screenshot', () => {
    const before = morgan().registrations[0];
    expect(before.body).toMatch(/HCPC/);
    const shot = makePng(120, 80, [200, 200, 200]);
    const r = recordRegisterCheck(
      ctx,
      { staffRef: MORGAN.ref, register: 'hcpc', result: 'registered', checkedOn: '2026-11-23' },
      { name: 'hcpc-page.png', bytes: shot },
    );
    expect(r).toMatchObject({
      recordId: before.id,
      kind: 'registration',
      check: { on: '2026-11-23', by: 'Test User', register: 'hcpc', result: 'registered', file: 'hcpc-page.png' },
    });
    const after = morgan().registrations[0];
    expect(after.lastCheckedOn).toBe('2026-11-23');
    expect(after.checks).toEqual([r.check]);
    expect(after.evidence.map((e) => [e.name, e.sha256])).toContainEqual(['hcpc-page.png', sha256(shot)]);
    // The audit trail has the change of the record, by the person checking.
    const entries = listAuditRows(ctx.vault.sqlite, { order: 'asc' });
    const update = entries.filter((e) => e.action === 'update' && e.tbl === 'records' && e.rowId === before.id).at(-1)!;
    expect(update.who).toBe('Test User');
    const row = JSON.parse(String(update.after)) as { data: unknown };
    expect(typeof row.data === 'string' ? row.data : JSON.stringify(row.data)).toContain('"result":"registered"');
    expect(REGISTERS.hcpc.url).toBe('https://www.hcpc-uk.org/check-the-register/');
  });

  it('keeps a DBS Update Service status check on the newest certificate', () => {
    const r = recordRegisterCheck(ctx, {
      staffRef: MORGAN.ref,
      register: 'dbs-update',
      result: 'no-new-information',
      checkedOn: '2026-11-24',
      note: 'Checked with consent',
    });
    const dbs = morgan().dbs.find((d) => d.id === r.recordId)!;
    expect(dbs.lastStatusCheckOn).toBe('2026-11-24');
    expect(dbs.updateService).toBe(true);
    expect(dbs.statusChecks?.at(-1)).toMatchObject({ result: 'no-new-information', note: 'Checked with consent', by: 'Test User' });
    expect(REGISTERS['dbs-update'].url).toBe('https://www.gov.uk/dbs-update-service');
  });

  it('keeps an Update Service status page for the firm’s DBS period after the check, not after the certificate’s issue', () => {
    // The certificate was issued on 01/02/2025: a copy of it is long past a six-month period, but
    // the status page of today's check is a receipt of today and is kept for six months from now.
    updateSettings(ctx, { dbsCopyMonths: 6 });
    expect(destroyDueDbsCopies(ctx).map((d) => d.name)).toEqual(['dbs.png', 'dbs-status-check.pdf']); // the certificate's copies go
    const page = makePng(90, 60, [240, 240, 240]);
    const first = recordRegisterCheck(
      ctx,
      { staffRef: MORGAN.ref, register: 'dbs-update', result: 'no-new-information', checkedOn: '2026-11-20' },
      { name: 'update-service.png', bytes: page },
    );
    // A second receipt of the same name gets the check's day in front, so each is known by its own name.
    const second = recordRegisterCheck(
      ctx,
      { staffRef: MORGAN.ref, register: 'dbs-update', result: 'no-new-information', checkedOn: '2026-11-24' },
      { name: 'update-service.png', bytes: page },
    );
    expect([first.file?.name, second.file?.name]).toEqual(['update-service.png', '2026-11-24 update-service.png']);
    expect(destroyDueDbsCopies(ctx)).toEqual([]);
    expect(dbsCopiesDue(ctx, 365).items.map((c) => [c.name, c.checkedOn, c.dueOn])).toEqual([
      ['update-service.png', '2026-11-20', '2027-05-20'],
      ['2026-11-24 update-service.png', '2026-11-24', '2027-05-24'],
    ]);
    // Six months after the first check, its page goes and the later one stays.
    expect(destroyDueDbsCopies(ctxFor(ctx.vault, '2027-05-20')).map((d) => d.name)).toEqual(['update-service.png']);
    expect(destroyDueDbsCopies(ctxFor(ctx.vault, '2027-05-24')).map((d) => d.name)).toEqual(['2026-11-24 update-service.png']);
  });

  it('refuses the status page of a check so old that its DBS period is over, and keeps the check without it', () => {
    updateSettings(ctx, { dbsCopyMonths: 6 });
    const old = { staffRef: MORGAN.ref, register: 'dbs-update', result: 'no-new-information', checkedOn: '2026-05-24' };
    expect(() => recordRegisterCheck(ctx, old, { name: 'old-check.png', bytes: makePng(4, 4, [0, 0, 0]) })).toThrow(
      /^checkedOn: the firm keeps DBS copies for 6 months, so the status page of a check made on 24\/05\/2026 would be destroyed at once/,
    );
    expect(morgan().dbs[0].statusChecks ?? []).toEqual([]);
    expect(recordRegisterCheck(ctx, old).check).toMatchObject({ on: '2026-05-24' });
  });

  it('refuses, naming the field, and writes nothing: no such registration, a DBS result for a register, a date after today', () => {
    const was = JSON.stringify(morgan());
    const fail = (input: Record<string, unknown>) => {
      try {
        recordRegisterCheck(ctx, { staffRef: MORGAN.ref, checkedOn: '2026-11-20', ...input }, { name: 'x.png', bytes: makePng(4, 4, [0, 0, 0]) });
      } catch (e) {
        if (e instanceof AppError) return { field: e.field, message: e.message };
        throw e;
      }
      throw new Error('expected a refusal');
    };
    expect(fail({ register: 'nmc', result: 'registered' })).toMatchObject({
      field: 'register',
      message: expect.stringContaining('no registration with the Nursing and Midwifery Council (NMC)'),
    });
    expect(fail({ register: 'hcpc', result: 'no-new-information' })).toMatchObject({
      field: 'result',
      message: expect.stringContaining('(got no-new-information)'),
    });
    expect(fail({ register: 'hcpc', result: 'registered', checkedOn: '2026-11-25' })).toMatchObject({ field: 'checkedOn' });
    expect(fail({ register: 'hcpc', result: 'registered', staffRef: 'NOPE' })).toMatchObject({ field: 'staffRef' });
    expect(JSON.stringify(morgan())).toBe(was);
  });
});
