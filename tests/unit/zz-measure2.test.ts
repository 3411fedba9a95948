import { it } from 'vitest';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeV1Vault } from '../support/legacyVault';
import { tempDir } from '../support/tmp';
import { reopen } from '../support/vaults';
it('phases', { timeout: 600_000 }, () => {
  const file = path.join(tempDir(), 'firm.cpv');
  makeV1Vault(file, { records: 200, files: 1001, fileBytes: 200_000 });
  const t = performance.now();
  reopen(file).close();
  console.log('total', performance.now() - t, process.env.SD);
});
