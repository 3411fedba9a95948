// `caseproof check-register` as a black box: a register check recorded as a receipt with --as,
// the register page's PDF kept as evidence, read back from the vault; usage errors exit 2.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVault } from '../../db/client';
import { fixedClock } from '../../electron/services/clock';
import { loadSnapshot } from '../../electron/services/snapshot';
import { cli } from '../support/cli';
import { MORGAN, packFirmFile, sha256 } from '../support/packFirm';
import { textPdf } from '../support/pdf';
import { tempDir } from '../support/tmp';

describe('caseproof check-register', () => {
  it('records an HCPC check by the --as person with the page as a PDF, and refuses bad input', () => {
    const dir = tempDir();
    const vault = path.join(dir, 'v.cpv');
    const firmFile = path.join(dir, 'firm.json');
    writeFileSync(firmFile, JSON.stringify(packFirmFile()));
    expect(cli(['init', '--vault', vault]).code).toBe(0);
    expect(cli(['import', '--vault', vault, firmFile]).code).toBe(0);
    const page = textPdf(['HCPC register: Morgan Ellis, registered']);
    const pdf = path.join(dir, 'hcpc-register.pdf');
    writeFileSync(pdf, page);

    const r = cli([
      'check-register',
      '--vault',
      vault,
      '--staff',
      MORGAN.ref,
      '--register',
      'hcpc',
      '--result',
      'registered',
      '--file',
      pdf,
      '--as',
      'Pat Manager',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Recorded the Health and Care Professions Council (HCPC) check of ${MORGAN.ref}`);
    expect(r.stdout).toContain('on 24/11/2026 by Pat Manager: on the register.');
    expect(r.stdout).toContain(`SHA-256 ${sha256(page)}`);

    const v = openVault(vault, { passphrase: 'cli test passphrase 1' });
    try {
      const reg = loadSnapshot({ vault: v, user: 'x', clock: fixedClock('2026-11-24') }).staff.find((s) => s.ref === MORGAN.ref)!.registrations[0];
      expect(reg.checks?.at(-1)).toEqual({ on: '2026-11-24', by: 'Pat Manager', register: 'hcpc', result: 'registered', file: 'hcpc-register.pdf' });
      expect(reg.lastCheckedOn).toBe('2026-11-24');
      expect(reg.evidence.find((e) => e.name === 'hcpc-register.pdf')?.sha256).toBe(sha256(page));
    } finally {
      v.close();
    }

    const usage = cli(['check-register', '--vault', vault, '--staff', MORGAN.ref, '--register', 'gmc', '--result', 'registered']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--register must be one of hcpc, nmc, swe, dbs-update (got gmc)');
    const wrong = cli(['check-register', '--vault', vault, '--staff', MORGAN.ref, '--register', 'nmc', '--result', 'registered', '--json']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('has no registration with the Nursing and Midwifery Council (NMC) recorded');
  });
});
