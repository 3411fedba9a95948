// The policy acknowledgement record kind (`policyAck`, staff list `policyAcknowledgements`) on a
// real encrypted vault: stored as a record, loaded into the snapshot, judged by STAFF-POLICY-ACK,
// and carried through an export and a fresh import.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../electron/services/compliance/engine';
import { seedDemoFirm } from '../../electron/services/demo/demoFirm';
import { addRecord, listRecords } from '../../electron/services/evidence/records';
import { exportFirmFile } from '../../electron/services/interchange/exportFirmFile';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { loadSnapshot } from '../../electron/services/snapshot';
import { ctxFor, newVault } from '../support/vaults';

const TODAY = '2026-11-24';
const ack = (ctx: Parameters<typeof loadSnapshot>[0], ref: string) =>
  evaluate(loadSnapshot(ctx), TODAY)
    .staff.find((s) => s.ref === ref)!
    .rules.find((r) => r.rule === 'STAFF-POLICY-ACK')!;

describe('policy acknowledgements in the vault', () => {
  it('are records of the staff member, judged by STAFF-POLICY-ACK, and survive an export and import', () => {
    const a = newVault();
    const ctx = ctxFor(a.vault, TODAY);
    seedDemoFirm(ctx);
    expect(listRecords(ctx, { type: 'staff', ref: 'CM-01' }, 'policyAck').map((r) => r.data.policy)).toEqual(['whistleblowing', 'lone-working']);
    expect(ack(ctx, 'CM-01').status).toBe('met');
    // CM-03 has acknowledged nothing
    expect(ack(ctx, 'CM-03')).toMatchObject({
      status: 'not_met',
      reason: expect.stringContaining('Priya Nair has not acknowledged the whistleblowing policy'),
    });
    addRecord(ctx, { type: 'staff', ref: 'CM-03' }, 'policyAck', { policy: 'whistleblowing', on: TODAY });
    addRecord(ctx, { type: 'staff', ref: 'CM-03' }, 'policyAck', { policy: 'lone-working', on: TODAY });
    expect(ack(ctx, 'CM-03').status).toBe('met');
    // a bad record is refused with the field named
    expect(() => addRecord(ctx, { type: 'staff', ref: 'CM-03' }, 'policyAck', { policy: 'fire-safety', on: TODAY })).toThrow(/policy: must be one of/);

    const b = newVault();
    const ctx2 = ctxFor(b.vault, TODAY);
    importFirmFile(ctx2, JSON.parse(JSON.stringify(exportFirmFile(ctx))));
    expect(ack(ctx2, 'CM-01').status).toBe('met');
    expect(ack(ctx2, 'CM-03').status).toBe('met');
  });
});
