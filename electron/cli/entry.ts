// What the `caseproof` bin runs first (bundled as dist/cli/caseproof.cjs). Asking for help,
// or for nothing, needs none of the services, so it is answered here; every command loads
// the command line proper (main.ts, and with it the vault and the services) on demand.
import { HELP } from './help';

const HELP_WORDS = new Set(['--help', '-h', 'help']);

export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  // Asked for, the usage goes to stdout (exit 0); a bare `caseproof` is a usage error: stderr, exit 2.
  if (!command) {
    process.stderr.write(HELP + '\n');
    return 2;
  }
  if (HELP_WORDS.has(command)) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  return (await import('./main')).main(argv);
}
