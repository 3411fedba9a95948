// docs/spec holds copies of the shared specifications so the repository stands alone; this keeps
// them in step with the originals wherever those are checked out beside the project (they are on
// the developers' machines; a clean clone elsewhere has only the copies, and the test says so).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const SHARED = path.resolve(ROOT, '../shared/spec');
const COPIES = path.join(ROOT, 'docs/spec');

describe('docs/spec', () => {
  it('holds rules.md, interchange.md and cli.md', () => {
    for (const f of ['rules.md', 'interchange.md', 'cli.md']) expect(existsSync(path.join(COPIES, f)), f).toBe(true);
  });
  it.skipIf(!existsSync(SHARED))('is identical to the shared originals', () => {
    for (const f of readdirSync(SHARED).filter((n) => n.endsWith('.md'))) {
      expect(readFileSync(path.join(COPIES, f), 'utf8'), `docs/spec/${f} differs from ../shared/spec/${f}`).toBe(readFileSync(path.join(SHARED, f), 'utf8'));
    }
  });
});
