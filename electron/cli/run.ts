// Entry point for `npm run cli` (TypeScript through tsx); the package bin runs the bundle.
import { main } from './entry';

// main turns a command's failure into a sentence and an exit code; only a failure to load the
// command line itself reaches the second handler.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`caseproof: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
