// The MTSP case manager self checklist, answered from one person's own records: each
// question maps to the rules whose results answer it (the person's, the firm's policies,
// and consent on the open cases they manage). Questions are in Caseproof's own words.
import { answerStatus, overallStatus, type ComplianceReport, type RuleResult, type RuleStatus } from '../../contract/compliance';
import { ukDate } from '../../contract/dates';
import type { FirmSnapshot } from '../../contract/model';
import type { ChecklistAnswer, ChecklistLine, SelfChecklist } from '../../contract/ops/evidence';
import type { RuleId } from '../../contract/rules';
import { caseManagerOn } from '../compliance/caseload';
import { evaluate } from '../compliance/engine';
import type { Ctx } from '../context';
import { notFound } from '../errors';
import { loadSnapshot } from '../snapshot';

interface Question {
  id: string;
  question: string;
  staff?: RuleId[];
  firm?: RuleId[];
  /** Case rules, taken from the open cases the person manages on the as-of date. */
  cases?: RuleId[];
}

export const SELF_CHECKLIST: readonly Question[] = [
  { id: 'indemnity', question: 'Is my professional indemnity insurance in force, with cover of at least £5m?', staff: ['STAFF-INDEMNITY'] },
  { id: 'dbs', question: 'Do I hold an enhanced DBS check that still counts today?', staff: ['STAFF-DBS'] },
  { id: 'cpd', question: 'Can I show CPD activity in each of the last two years?', staff: ['STAFF-CPD-2Y'] },
  { id: 'peer-review', question: 'Is a recent peer review of my work on record?', staff: ['STAFF-PEER-REVIEW'] },
  { id: 'registration', question: 'Is my registration with my professional body current, unrestricted and recently checked?', staff: ['STAFF-REGISTRATION'] },
  {
    id: 'training',
    question: 'Is my mandatory training (safeguarding, mental capacity and information security) up to date?',
    staff: ['STAFF-TRAINING-SAFEGUARDING', 'STAFF-TRAINING-MCA', 'STAFF-TRAINING-INFOSEC'],
  },
  {
    id: 'policies',
    question: "Have I read and acknowledged the firm's current whistleblowing and lone working policies?",
    staff: ['STAFF-POLICY-ACK'],
  },
  { id: 'caseload', question: "Does my open caseload fit the days I work, within the firm's limit?", staff: ['STAFF-CASELOAD'] },
  { id: 'handover', question: 'Is there a current procedure for handing my cases to a colleague if I am away or leave?', firm: ['ORG-POLICY-HANDOVER'] },
  { id: 'consent', question: "Have my clients' consents to share information been recorded and reviewed in the last year?", cases: ['CASE-CONSENT'] },
  {
    id: 'lone-working',
    question: 'When I work on my own, are safeguards in place to protect me and my clients?',
    staff: ['STAFF-SOLE-PRACTITIONER'],
    firm: ['ORG-POLICY-LONE-WORKING'],
  },
];

/** An answer's status: the most severe line, an exemption outranking met (so it never reads "met" on an exempt rule). */
function worst(lines: { status: RuleStatus }[]): RuleStatus {
  return answerStatus(lines.map((l) => l.status)) ?? 'not_applicable';
}

function line(subject: ChecklistLine['subject'], ref: string, r: RuleResult): ChecklistLine {
  const l: ChecklistLine = { subject, ref, rule: r.rule, status: r.status, reason: r.reason };
  if (r.changesOn !== undefined) l.changesOn = r.changesOn;
  return l;
}

/** Answers the checklist for `staffRef` from a snapshot and its report (same as-of). */
export function answerChecklist(snapshot: FirmSnapshot, report: ComplianceReport, staffRef: string): SelfChecklist {
  const person = snapshot.staff.find((s) => s.ref === staffRef);
  const subject = report.staff.find((s) => s.ref === staffRef);
  if (!person || !subject) throw notFound(`Staff member ${staffRef}`);
  const asOf = report.asOf;
  const mine = new Set(snapshot.cases.filter((c) => caseManagerOn(c, asOf) === staffRef).map((c) => c.ref));
  const myCases = report.cases.filter((c) => mine.has(c.ref));

  const answers: ChecklistAnswer[] = SELF_CHECKLIST.map((q) => {
    const lines: ChecklistLine[] = [];
    for (const id of q.staff ?? []) {
      const r = subject.rules.find((x) => x.rule === id);
      if (r) lines.push(line('staff', staffRef, r));
    }
    for (const id of q.firm ?? []) {
      const r = report.firm.rules.find((x) => x.rule === id);
      if (r) lines.push(line('firm', 'firm', r));
    }
    let note: string | undefined;
    if (q.cases) {
      for (const c of myCases) {
        for (const id of q.cases) {
          const r = c.rules.find((x) => x.rule === id);
          if (r && r.status !== 'not_applicable') lines.push(line('case', c.ref, r));
        }
      }
      const open = lines.filter((l) => l.subject === 'case').length;
      note = open
        ? `Checked on the ${open === 1 ? 'open case' : `${open} open cases`} ${person.name} manages on ${ukDate(asOf)}.`
        : `${person.name} manages no open cases on ${ukDate(asOf)}, so there is nothing to check.`;
    }
    const a: ChecklistAnswer = { id: q.id, question: q.question, status: worst(lines), lines };
    if (note) a.note = note;
    return a;
  });
  return { asOf, staffRef, name: person.name, overall: overallStatus(answers), answers };
}

export function selfChecklist(ctx: Ctx, staffRef: string, asOf?: string): SelfChecklist {
  const snapshot = loadSnapshot(ctx);
  const on = asOf ?? ctx.clock.today();
  return answerChecklist(snapshot, evaluate(snapshot, on, asOf === undefined ? ctx.clock.now() : undefined), staffRef);
}
