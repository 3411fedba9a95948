// "As sent" of a pack registered with its evidence annex, through the app's registry (issue 11):
// the pack is rebuilt once, and that one rebuild gives both the Word file and the annex, each
// byte for byte what was registered, after the records changed. (The window's progress says
// "Rebuilding the pack as it was sent" once per rebuild: twice was the old double build.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodePlatform } from '../../electron/platform/nodePlatform';
import { buildRegistry } from '../../electron/services/api/handlers';
import { Session } from '../../electron/services/api/session';
import { fixedClock } from '../../electron/services/clock';
import type { Progress } from '../../electron/contract/events';
import { attachEvidence } from '../../electron/services/evidence/evidence';
import { getFirm, updateFirm } from '../../electron/services/firm/firm';
import { importFirmFile } from '../../electron/services/interchange/importFirmFile';
import { loadSnapshot } from '../../electron/services/snapshot';
import { MORGAN, RECIPIENT, packFirmFile } from '../support/packFirm';
import { textPdf } from '../support/pdf';
import { registryCalls } from '../support/registryCalls';
import { tempDir } from '../support/tmp';

const PASS = 'reproduce once passphrase 1';

describe('As sent with an evidence annex', () => {
  it('rebuilds the pack once and gives back the Word file and the annex, each as registered', async () => {
    const dir = tempDir();
    const platform = nodePlatform({ user: 'Pat Manager' });
    const session = new Session(platform, {}, fixedClock('2026-11-24T10:00:00Z'));
    const { call } = registryCalls(buildRegistry(session));
    session.create(path.join(dir, 'firm.cpv'), PASS, false);
    const ctx = session.ctx();
    importFirmFile(ctx, packFirmFile());
    const morgan = loadSnapshot(ctx).staff.find((s) => s.ref === MORGAN.ref)!;
    attachEvidence(ctx, morgan.indemnity[0].id, { name: 'indemnity-schedule.pdf', bytes: textPdf(['Schedule of cover', 'Page two']) });

    const sent = path.join(dir, 'morgan.docx');
    platform.dialogAnswers.push(sent);
    const made = await call<{ entry: { id: number }; annex: { path: string } }>('generatePack', {
      kind: 'staff',
      ref: MORGAN.ref,
      asOf: '2026-11-24',
      recipient: RECIPIENT,
      annex: true,
    });
    const sentPack = readFileSync(sent);
    const sentAnnex = readFileSync(made.annex.path);

    // The records change: today's pack would differ; the one as sent must not.
    const f = getFirm(session.ctx());
    updateFirm(session.ctx(), { name: 'Riverside Renamed Ltd', address: f.address, codeOfConductSignatory: f.codeOfConductSignatory });

    const labels: string[] = [];
    session.progress = (p: Progress) => labels.push(p.label);
    const again = path.join(dir, 'as-sent.docx');
    platform.dialogAnswers.push(again);
    const r = await call<{ same: boolean; path: string; annex: { path: string } }>('reproducePack', { id: made.entry.id, save: true });
    expect(r).toMatchObject({ same: true, path: again });
    expect(labels.filter((l) => l === 'Rebuilding the pack as it was sent')).toHaveLength(1);
    expect(readFileSync(again).equals(sentPack)).toBe(true);
    expect(r.annex.path).not.toBe(made.annex.path);
    expect(readFileSync(r.annex.path).equals(sentAnnex)).toBe(true);
    session.lock();
  });
});
