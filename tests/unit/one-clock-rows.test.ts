// One clock all the way down: every created_at/updated_at the vault writes comes from the clock
// the services run on, not the computer's. The columns' SQL default reads strftime('now'), which
// a vault connection answers from its clock (db/sqlClock.ts); here the clock is pinned years
// from today and every service that inserts rows runs, then every stamp in every table is read
// back from the real encrypted vault.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVault } from '../../db/client';
import { fixedClock } from '../../electron/services/clock';
import { ctxOver } from '../../electron/services/context';
import { createCase } from '../../electron/services/cases/cases';
import { handOverCase } from '../../electron/services/cases/handovers';
import { instructSupplier } from '../../electron/services/cases/instructions';
import { attachEvidence } from '../../electron/services/evidence/evidence';
import { addRecord } from '../../electron/services/evidence/records';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { generatePack } from '../../electron/services/packs/packService';
import { createStaff, updateStaff } from '../../electron/services/staff/staff';
import { createSupplier } from '../../electron/services/suppliers/suppliers';
import { stampsNotFrom } from '../support/stamps';
import { tempDir } from '../support/tmp';
import { PASS, sampleFirm } from '../support/vaults';
import { vetSupplier } from '../support/vetted';

/** Years from any day these tests run, and not on a whole minute: no wall-clock stamp can match it. */
const PINNED = '2031-03-14T09:26:53Z';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('one clock in the vault', () => {
  it('stamps every row any service inserts or changes with the pinned clock, not the wall clock', async () => {
    const dir = tempDir();
    const clock = fixedClock(PINNED);
    // The clock is the vault's from its creation: the firm row the first migration makes is stamped by it too.
    const vault = createVault(path.join(dir, 'firm.cpv'), { passphrase: PASS }, { clock, user: 'Test User' });
    const ctx = ctxOver(vault, 'Test User', clock);
    importFirmFile(ctx, sampleFirm()); // staff, suppliers, records, evidence files, cases, instructions (raw SQL inserts)
    createStaff(ctx, { ref: 'CM-1', name: 'Alex Morgan', daysPerWeek: 3 });
    createStaff(ctx, { ref: 'CM-2', name: 'Sam Okafor', daysPerWeek: 4 });
    updateStaff(ctx, 'CM-2', { ref: 'CM-2', name: 'Sam Okafor', daysPerWeek: 5 });
    const rec = addRecord(ctx, { type: 'staff', ref: 'CM-1' }, 'cpd', { date: '2026-06-15', topic: 'Brain injury update', provider: 'BABICM', hours: 2 });
    vault.tx(() => attachEvidence(ctx, rec.id, { name: 'certificate.pdf', bytes: PDF }));
    createSupplier(ctx, { ref: 'SUP-OK', name: 'Dales Physio', kind: 'organisation', services: ['physiotherapy'], worksWithClients: false });
    vetSupplier(ctx, 'SUP-OK');
    const party = { name: 'Fenwick Law', kind: 'solicitor' as const };
    createCase(ctx, { ref: 'RC-1', initials: 'JD', caseManager: 'CM-1', instructingParty: party, status: 'open-active', openedOn: '2026-03-01' });
    instructSupplier(ctx, { ref: 'RC-1', supplier: 'SUP-OK', on: '2026-06-01', service: 'physiotherapy' });
    handOverCase(ctx, { ref: 'RC-1', to: 'CM-2', on: '2026-10-01', reason: 'Maternity leave', clientInformed: true });
    await generatePack(ctx, { kind: 'staff', ref: 'CM-1', asOf: '2026-11-24' }, path.join(dir, 'pack.docx'));

    const { rows, strays } = stampsNotFrom(vault.sqlite, PINNED);
    const count = (t: string) => vault.sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    // Each inserting path ran: the assertion below is about real rows.
    for (const t of ['firm', 'staff', 'suppliers', 'records', 'evidence_files', 'contacts', 'cases', 'case_instructions', 'case_handovers', 'packs'])
      expect(count(t), t).toBeGreaterThan(0);
    expect(rows).toBeGreaterThan(50); // (the sample firm file is one audit entry per subject, not per row)
    expect(strays).toEqual([]);
    vault.close();
  });

  it("leaves SQLite's own strftime alone for anything but 'now'", () => {
    const dir = tempDir();
    const vault = createVault(path.join(dir, 'firm.cpv'), { passphrase: PASS }, { clock: fixedClock(PINNED) });
    const one = (sql: string) => vault.sqlite.prepare(sql).pluck().get();
    expect(one(`SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')`)).toBe(PINNED);
    expect(one(`SELECT strftime('%d/%m/%Y %H:%M', 'NOW')`)).toBe('14/03/2031 09:26');
    expect(one(`SELECT strftime('%Y-%m-%d', '2026-11-24T23:30:00')`)).toBe('2026-11-24');
    expect(one(`SELECT strftime('%j', '2026-02-01')`)).toBe('032');
    expect(one(`SELECT strftime('%Y', NULL)`)).toBeNull();
    vault.close();
  });
});
