// ARCHITECTURE.md names real files: every repository path it quotes exists, so the page a newcomer
// follows cannot drift from the code without a test saying which path went.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const ROOTS = ['electron/', 'db/', 'renderer/', 'tests/', 'docs/', 'scripts/'];

/** Every `quoted` path in the page that starts at the repository's top (placeholders like <domain> or NNNN left out). */
function quotedPaths(markdown: string): string[] {
  const quoted = [...markdown.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]);
  return [...new Set(quoted.filter((q) => ROOTS.some((r) => q.startsWith(r)) && !/[<>*]|NNNN/.test(q)))];
}

describe('ARCHITECTURE.md', () => {
  const page = readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8');

  it('quotes only paths that exist', () => {
    const paths = quotedPaths(page);
    expect(paths.length).toBeGreaterThan(40);
    expect(paths.filter((p) => !existsSync(path.join(ROOT, p)))).toEqual([]);
  });

  it('has a row for each domain whose files it names, and each of those files exists', () => {
    const rows = [...page.matchAll(/^\| (\w+) \| `(\w+\.ts)` \| `(\w+\.ts)` \|/gm)];
    expect(rows.map((r) => r[1])).toEqual(expect.arrayContaining(['vault', 'firm', 'staff', 'evidence', 'compliance', 'suppliers', 'cases', 'packs', 'app']));
    // Every domain the contract has (a file in contract/ops/) has its row, so a new one is not left off the page.
    const opFiles = readdirSync(path.join(ROOT, 'electron/contract/ops')).filter((f) => f.endsWith('.ts'));
    expect(opFiles.filter((f) => !rows.some((r) => r[2] === f))).toEqual([]);
    for (const [, domain, op, handler] of rows) {
      expect(existsSync(path.join(ROOT, 'electron/contract/ops', op)), `${domain}: contract/ops/${op}`).toBe(true);
      expect(existsSync(path.join(ROOT, 'electron/services/api/domains', handler)), `${domain}: api/domains/${handler}`).toBe(true);
    }
  });

  it("pairs each domain's contract file with a handlers file of the same name, and back", () => {
    const names = (dir: string) =>
      readdirSync(path.join(ROOT, dir))
        .filter((f) => f.endsWith('.ts'))
        .sort();
    expect(names('electron/contract/ops')).toEqual(names('electron/services/api/domains'));
  });

  it('names each domain alike: ops/<d>.ts exports <d>Inputs and <D>Outputs, domains/<d>.ts exports register<D>', () => {
    const misnamed: string[] = [];
    for (const file of readdirSync(path.join(ROOT, 'electron/contract/ops')).filter((f) => f.endsWith('.ts'))) {
      const d = file.slice(0, -3);
      const D = d[0]!.toUpperCase() + d.slice(1);
      const ops = readFileSync(path.join(ROOT, 'electron/contract/ops', file), 'utf8');
      const handlers = readFileSync(path.join(ROOT, 'electron/services/api/domains', file), 'utf8');
      if (!ops.includes(`export const ${d}Inputs =`)) misnamed.push(`contract/ops/${file}: ${d}Inputs`);
      if (!ops.includes(`export interface ${D}Outputs`)) misnamed.push(`contract/ops/${file}: ${D}Outputs`);
      if (!handlers.includes(`export function register${D}(`)) misnamed.push(`api/domains/${file}: register${D}`);
    }
    expect(misnamed).toEqual([]);
  });
});
