// Terminal plumbing for the CLI: errors with exit codes, and the hidden passphrase prompt.
import { createInterface } from 'node:readline';

export class UsageError extends Error {}
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** Reads a passphrase from the environment, or asks on a terminal without echoing it. */
export async function passphraseFrom(envName: string, prompt: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    throw new UsageError(`No passphrase: set ${envName} or run the command on a terminal to be asked for it.`);
  }
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    out._writeToOutput = (s: string) => {
      if (s.includes(prompt)) process.stderr.write(s);
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}
