import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { filesContaining, tempDir } from '../support/tmp';

describe('caseproof demo', () => {
  it('creates an encrypted vault with an invented firm that has something due and something missing', () => {
    const dir = tempDir();
    const vault = path.join(dir, 'demo.cpv');
    const r = cli(['demo', '--vault', vault]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/4 staff, 2 suppliers, 24 cases/);
    const s = JSON.parse(cli(['status', '--vault', vault, '--json']).stdout) as { staff: { status: string }[]; suppliers: { status: string }[] };
    expect(new Set(s.staff.map((x) => x.status))).toEqual(new Set(['met', 'due_soon', 'not_met']));
    expect(s.suppliers.map((x) => x.status)).toContain('not_met');
    // rules v2: the handover policy is the firm's one due soon (whistleblowing and lone working stay current for staff to acknowledge)
    expect(cli(['due', '--vault', vault, '--days', '60']).stdout).toMatch(/the firm +ORG-POLICY-HANDOVER/);
    expect(filesContaining(dir, 'Harriet Okafor')).toEqual([]);
    expect(cli(['demo', '--vault', vault])).toMatchObject({ code: 1, stderr: expect.stringMatching(/already exists/) });
  });
});
