// `caseproof demo --vault PATH`: a new vault filled with an invented firm, for a first look.
import { existsSync } from 'node:fs';
import { keepHead } from '../../../db/auditHead';
import { createVault } from '../../../db/client';
import { clockFromEnv } from '../../services/clock';
import { ctxOver } from '../../services/context';
import { MIN_PASSPHRASE } from '../../contract/passphrase';
import { seedDemoFirm } from '../../services/demo/demoFirm';
import { CliFailure, passphraseFrom } from '../io';
import { need, out, type Command } from '../shared';

export const demo: Command = async (a) => {
  const file = need(a.values.vault, 'vault');
  if (existsSync(file)) throw new CliFailure(`A file already exists at ${file}; demo will not overwrite it.`);
  const pass = await passphraseFrom('CASEPROOF_PASSPHRASE', 'New vault passphrase: ');
  if (pass.length < MIN_PASSPHRASE) throw new CliFailure(`The passphrase must be at least ${MIN_PASSPHRASE} characters.`);
  // On the CLI's clock from the first row (CASEPROOF_CLOCK in tests), and the trail names 'demo' as the records do.
  const clock = clockFromEnv();
  const vault = createVault(file, { passphrase: pass }, { clock, user: 'demo' });
  try {
    const s = seedDemoFirm(ctxOver(vault, 'demo', clock));
    keepHead(vault); // where the new trail ends, beside the vault (db/auditHead.ts)
    out(`Created a demo vault at ${file}: ${s.added.staff} staff, ${s.added.suppliers} suppliers, ${s.added.cases} cases (an invented firm).`);
  } finally {
    vault.close();
  }
};
