// Entry point for `npm run cli` (TypeScript through tsx); the package bin runs the bundle.
import { main } from './entry';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
