// Each CLI command takes its own options, declared once by its usage lines (electron/cli/help.ts):
// the declaration and the option types agree, each command takes what its lines name and nothing
// another command takes, and every invocation README.md and docs/spec/cli.md show is accepted.
// (tests/cli/options.test.ts runs the built CLI to see the refusal itself.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandOptions, HELP, optionsNamedIn, USAGES } from '../../electron/cli/help';
import { OPTIONS } from '../../electron/cli/shared';

const ROOT = path.resolve(__dirname, '../..');
const names = (command: string, word?: string) => commandOptions(command, word)?.names;

/**
 * Every `caseproof …` (or `npm run -s cli -- …`) line in README.md's code blocks, and every
 * command in docs/spec/cli.md's tables, as [where, words before the first option, options given].
 */
function documentedInvocations(): [string, string[], string[]][] {
  const found: [string, string[], string[]][] = [];
  const add = (where: string, invocation: string) => {
    const words = invocation.replace(/\\$/, '').trim().split(/\s+/);
    const lead = words.slice(0, words.findIndex((w) => w.startsWith('-') || w.startsWith('[')) >>> 0);
    found.push([where, lead, optionsNamedIn(invocation)]);
  };
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('\n');
  readme.forEach((line, i) => {
    const m = /(?:^|\s)(?:caseproof|npm run -s cli --)\s+([a-z].*?)(?:\s+#.*)?$/.exec(line);
    if (m && /^\s*(?:[A-Z_]+='…'\s+)*(?:caseproof|npm run -s cli --)\s/.test(line)) add(`README.md:${i + 1}`, m[1]!);
  });
  const spec = readFileSync(path.join(ROOT, 'docs/spec/cli.md'), 'utf8').split('\n');
  spec.forEach((line, i) => {
    const cell = /^\| `([^|]+?)`(?: \/ `([^|]+?)`)? \|/.exec(line);
    if (cell) for (const c of [cell[1], cell[2]]) if (c) add(`docs/spec/cli.md:${i + 1}`, c.replace(/^(\w[\w-]*) \.\.\./, '$1'));
  });
  return found;
}

describe("the CLI's options, per command", () => {
  it('names, in the usage, only options that have a type, and every typed option belongs to some command', () => {
    const typed = Object.keys(OPTIONS);
    const named = new Set(USAGES.flatMap((u) => optionsNamedIn(u.text)));
    expect([...named].filter((n) => !typed.includes(n))).toEqual([]);
    expect(typed.filter((n) => !named.has(n) && !['help', 'as', 'take-over'].includes(n))).toEqual([]);
    for (const u of USAGES) expect(u.text.startsWith(`  ${u.command} `), u.command).toBe(true);
    for (const u of USAGES) expect(HELP).toContain(u.text);
  });

  it('gives each command the options its own lines name, and not another command’s', () => {
    expect(names('due')).toEqual(['vault', 'days', 'as-of', 'json', 'all', 'staff', 'ics', 'force', 'as', 'take-over', 'help']);
    expect(names('due')).not.toContain('annex');
    expect(names('pack')).toContain('annex');
    expect(names('pack')).not.toContain('id'); // pack reproduce's
    expect(names('pack', 'reproduce')).toEqual(['vault', 'id', 'out', 'annex', 'force', 'json', 'as', 'take-over', 'help']);
    expect(names('pack', 'verify')).toEqual(['vault', 'json', 'as', 'take-over', 'help']);
    expect(names('case', 'status')).toEqual(['vault', 'case', 'to', 'on', 'json', 'as', 'take-over', 'help']);
    expect(names('case', 'status')).not.toContain('amount');
    expect(names('import', 'firm.json')).toContain('dry-run'); // a file name is not a sub-command
    expect(names('template')).toEqual(['kind', 'out', 'force', 'help']); // no vault: no --as or --take-over
    // An unknown action takes what any action takes: the command names the actions.
    expect(names('case', 'dance')).toEqual(expect.arrayContaining(['amount', 'identified', 'reason']));
    expect(commandOptions('case', 'dance')!.invocation).toBe('case');
    expect(commandOptions('nonsense')).toBeNull();
  });

  it('accepts every invocation README.md and docs/spec/cli.md show', () => {
    const docs = documentedInvocations();
    expect(docs.length).toBeGreaterThan(60);
    const refused: string[] = [];
    for (const [where, lead, given] of docs) {
      const [command, word] = lead;
      if (!command || /^[A-Z]/.test(command)) continue; // `caseproof COMMAND [options]`
      const takes = names(command, word);
      if (!takes) refused.push(`${where}: no command ${command}`);
      else for (const o of given) if (!takes.includes(o)) refused.push(`${where}: ${lead.join(' ')} --${o}`);
    }
    expect(refused).toEqual([]);
  });
});
