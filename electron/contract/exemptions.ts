// Which exemptions may be recorded (rules.md version 2, "Exemptions"): one function that the
// exemption form (through the grantExemption service) and the firm-file import both call, so
// they refuse the same exemptions with the same words. The import puts the JSON path in front
// (`staff[0].exemptions[1].rule: ...`); the form shows the words beside the field.
import { exemptionExpiry, latestExemptionExpiry } from './conventions';
import { ukDate } from './dates';
import { exemption, type Exemption } from './model';
import { ruleById, type RuleSubject } from './rules';

/** Who an exemption is for: exemptions are recorded for staff members and suppliers only. */
export type ExemptionSubject = Extract<RuleSubject, 'staff' | 'supplier'>;

export interface ExemptionProblem {
  /** The field at fault: the import appends it to the record's JSON path. */
  field: 'rule' | 'expiresOn';
  /** Words that read after a field name or a JSON path, e.g. "cannot be exempted: ...". */
  message: string;
}

const WHO: Record<RuleSubject, string> = { staff: 'staff members', supplier: 'suppliers', firm: 'the firm', case: 'cases' };

/**
 * Why this exemption cannot be recorded for a subject of this kind, or undefined when it can:
 * an unknown rule, a rule of another kind of subject (a SUP-* rule on a staff member), a rule
 * that cannot be exempted, an expiry before the grant or more than 12 months after it.
 */
export function exemptionProblem(e: Pick<Exemption, 'rule' | 'grantedOn' | 'expiresOn'>, subject: ExemptionSubject): ExemptionProblem | undefined {
  const info = ruleById(e.rule);
  if (!info) return { field: 'rule', message: `${e.rule} is not a rule Caseproof knows, so it cannot be exempted` };
  if (info.subject !== subject) {
    return { field: 'rule', message: `${e.rule} (${info.title}) is a rule for ${WHO[info.subject]}, not ${WHO[subject]}, so it cannot be exempted here` };
  }
  if (!info.exemptable) {
    return {
      field: 'rule',
      message: `${e.rule} (${info.title}) cannot be exempted: the MTSP code makes it a requirement without exceptions`,
    };
  }
  if (e.expiresOn !== undefined) {
    if (e.expiresOn < e.grantedOn) return { field: 'expiresOn', message: `must not be before the date it was granted (${ukDate(e.grantedOn)})` };
    const latest = latestExemptionExpiry(e.grantedOn);
    if (e.expiresOn > latest) {
      return { field: 'expiresOn', message: `must be no later than ${ukDate(latest)}, 12 months after it was granted (${ukDate(e.grantedOn)})` };
    }
  }
  return undefined;
}

/** The exemption schema with exemptionProblem() applied, for a staff member's or a supplier's list. */
export function exemptionFor(subject: ExemptionSubject) {
  return exemption.superRefine((e, ctx) => {
    const p = exemptionProblem(e, subject);
    if (p) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
  });
}
/** The schemas themselves, for `z.array(...)` in the firm file. */
export const staffExemption = exemptionFor('staff');
export const supplierExemption = exemptionFor('supplier');

/** The last day an exemption is in force, and the default (and latest) expiry for a grant on a date. */
export { exemptionExpiry, latestExemptionExpiry as defaultExemptionExpiry };
