// The CLI runs on one clock (CASEPROOF_CLOCK in tests) from a vault's first row: init, demo and
// import stamp every row, and the audit trail, with it, never with the computer's clock.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVault } from '../../db/client';
import { cli } from '../support/cli';
import { stampsNotFrom } from '../support/stamps';
import { tempDir } from '../support/tmp';
import { SAMPLE_FILE } from '../support/vaults';

/** Years from any day the tests run, and not on a whole minute. */
const PINNED = '2031-03-14T09:26:53Z';
const PASSPHRASE = 'cli test passphrase 1';

function strays(file: string) {
  const v = openVault(file, { passphrase: PASSPHRASE }, { readOnly: true });
  try {
    return stampsNotFrom(v.sqlite, PINNED);
  } finally {
    v.close();
  }
}

describe('the CLI on one clock', () => {
  it('init and import, and demo, stamp every row and audit entry with CASEPROOF_CLOCK', () => {
    const dir = tempDir();
    const env = { CASEPROOF_CLOCK: PINNED };
    const firm = path.join(dir, 'firm.cpv');
    expect(cli(['init', '--vault', firm], env).code).toBe(0);
    const imp = cli(['import', '--vault', firm, SAMPLE_FILE], env);
    expect(imp.code, imp.stderr).toBe(0);
    const demo = path.join(dir, 'demo.cpv');
    const d = cli(['demo', '--vault', demo], env);
    expect(d.code, d.stderr).toBe(0);
    for (const f of [firm, demo]) {
      const { rows, strays: found } = strays(f);
      expect(rows).toBeGreaterThan(50);
      expect(found).toEqual([]);
    }
  });
});
