// A second Caseproof for the one-writer tests: a real process that opens a vault, says so on
// stdout ({"held":true} or {"refused":code,"message"}), and keeps it open until its stdin closes.
import { openVault } from '../../db/client';

const [file, user, takeOver] = process.argv.slice(2);
try {
  const vault = openVault(file, { passphrase: process.env.CASEPROOF_PASSPHRASE ?? '' }, { user, takeOver: takeOver === 'take-over' });
  process.stdout.write(JSON.stringify({ held: true, pid: process.pid }) + '\n');
  process.stdin.resume();
  process.stdin.on('end', () => {
    vault.close();
    process.exit(0);
  });
} catch (e) {
  process.stdout.write(JSON.stringify({ refused: (e as { code?: string }).code, message: (e as Error).message }) + '\n');
  process.exit(1);
}
