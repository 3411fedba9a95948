// A Caseproof changing a vault's key, for the crash test: a real process that opens the vault
// with one key (hex, so the test spends no time on scrypt), says "start" on stdout just before
// the change and "done <ms>" once it has finished.
import { openVault } from '../../db/client';
import { importKey } from '../../db/keys';
import { fixedClock } from '../../electron/services/clock';
import { changeVaultKey } from '../../electron/services/vault/passphrase';

const [file, oldKey, newKey] = process.argv.slice(2);
const vault = openVault(file, { key: importKey(oldKey) });
process.stdout.write('start\n');
const t0 = performance.now();
const fresh = changeVaultKey({ vault, user: 'crash test', clock: fixedClock('2026-11-24') }, importKey(newKey));
process.stdout.write(`done ${Math.round(performance.now() - t0)}\n`);
fresh.closeKeepingLock();
vault.close();
