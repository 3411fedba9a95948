// The audit trail's values in words on the Audit page and in a record's history
// (renderer/src/components/auditWords.ts): codes by the names the app gives them elsewhere, the
// 0 and 1 of a yes-or-no column as Yes and No (marked by the trail's view from the schema), over a
// real vault's entries.
import { describe, expect, it } from 'vitest';
import { fieldWords, valueWords } from '../../renderer/src/components/auditWords';
import { addRecord } from '../../electron/services/evidence/records';
import { listAudit } from '../../electron/services/audit/audit';
import { createStaff, updateStaff } from '../../electron/services/staff/staff';
import { newVault } from '../support/vaults';
import type { AuditEntryView } from '../../electron/contract/ops/audit';

describe('audit values in words', () => {
  it('names codes by their labels, for the field they are in', () => {
    expect(valueWords('policyAck', 'kind')).toBe('Policy acknowledgement');
    expect(valueWords('dbs', 'kind')).toBe('DBS check');
    expect(valueWords('lone-working', 'policy')).toBe('Lone working');
    expect(valueWords('lone-working', 'kind')).toBe('Lone working');
    expect(valueWords('mental-capacity', 'data.kind')).toBe('Mental capacity');
    expect(valueWords('enhanced-barred', 'level')).toBe('Enhanced with barred lists');
    expect(valueWords('open-active', 'status')).toBe('Open active');
    expect(valueWords('nhs-la', 'recipientKind')).toBe('NHS or local authority');
    expect(valueWords('conditional', 'decision')).toBe('Approved with conditions');
    expect(valueWords('registered-with-conditions', 'result')).toBe('On the register, with conditions or restrictions');
    expect(valueWords('STAFF-DBS', 'rule')).not.toBe('STAFF-DBS');
    expect(valueWords('["decision-making","goal-setting"]', 'areas')).toBe('Decision making, Goal setting');
    // 0 and 1 are Yes and No only in a yes-or-no column; elsewhere a number stays a number.
    expect(valueWords('1', 'sole_practitioner', true)).toBe('Yes');
    expect(valueWords('0', 'sole_practitioner', true)).toBe('No');
    expect(valueWords('1', 'days_per_week')).toBe('1');
    // A free-text value that happens to be a code of another field stays as typed.
    expect(valueWords('policy', 'title')).toBe('policy');
    expect(valueWords('true')).toBe('Yes');
    expect(valueWords('2026-11-24', 'on')).toBe('24/11/2026');
    expect(fieldWords('sole_practitioner')).toBe('Sole practitioner');
  });

  it("reads a real vault's entries without a code left: a record's kind, a policy, a yes-or-no column", () => {
    const { ctx, vault } = newVault();
    try {
      createStaff(ctx, { ref: 'CM-1', name: 'Alex Morgan', daysPerWeek: 3 });
      updateStaff(ctx, 'CM-1', { ref: 'CM-1', name: 'Alex Morgan', daysPerWeek: 3, solePractitioner: true });
      updateStaff(ctx, 'CM-1', { ref: 'CM-1', name: 'Alex Morgan', daysPerWeek: 3, solePractitioner: false });
      addRecord(ctx, { type: 'staff', ref: 'CM-1' }, 'policyAck', { policy: 'lone-working', on: '2026-11-01' });
      const entries: AuditEntryView[] = listAudit(ctx, {}).entries;
      const lines = entries.flatMap((e) =>
        e.changes.map(
          (c) =>
            `${fieldWords(c.field)}: ${c.before === null ? '' : valueWords(c.before, c.field, c.yesNo)} → ${c.after === null ? '' : valueWords(c.after, c.field, c.yesNo)}`,
        ),
      );
      expect(lines).toContain('Sole practitioner:  → Yes');
      expect(lines).toContain('Sole practitioner: Yes → No');
      expect(lines).toContain('Kind:  → Policy acknowledgement');
      expect(lines).toContain('Policy:  → Lone working');
      expect(lines.join('\n')).not.toMatch(/policyAck|lone-working/);
    } finally {
      vault.close();
    }
  });
});
