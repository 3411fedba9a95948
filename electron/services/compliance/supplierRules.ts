// Rules for suppliers (SUP-*), rules.md version 2, and the tests CASE-SUPPLIERS-VETTED
// applies on each instruction's date (approval, and no failing indemnity, fitness to
// practise or DBS on that date).
import type { RuleResult } from '../../contract/compliance';
import type { IsoDate } from '../../contract/dates';
import type { Decision, FirmSettings, Regulatory, SupplierSnapshot } from '../../contract/model';
import { ruleTitle, type RuleId } from '../../contract/rules';
import { applyExemptions, type EngineContext } from './context';
import { capitalise, coverResult } from './cover';
import { dbsResult } from './dbs';
import { hasText, type Judge, lapsesOn, latestOnOrBefore, listWords, lowerFirst, met, nextDay, notApplicable, notMet, uk } from './window';

export const SUPPLIER_SAFEGUARDING_MONTHS = 36;
export const FITNESS_CHECK_MONTHS = 12;

// ---------- approval (MTSP Governance A) ----------
export interface SupplierApproval {
  approved: boolean;
  /** One line naming the decision used and its dates. */
  reason: string;
  /** The decision in effect on the date (the latest made on or before it), if any. */
  decision?: Decision;
  /** When approved: the first day the approval no longer holds (its next review date). */
  until?: IsoDate;
}

/** The decision in effect on `date`: the latest made on or before it; on the same day a rejection wins, else the later-listed. */
export function decisionOn(decisions: readonly Decision[], date: IsoDate): Decision | undefined {
  const latest = latestOnOrBefore(decisions, (d) => d.on, date);
  if (!latest || latest.decision === 'rejected') return latest;
  return decisions.find((d) => d.on === latest.on && d.decision === 'rejected') ?? latest;
}

/**
 * Whether the supplier was approved on `date`: the decision in effect (decisionOn) approves it
 * (fully or with conditions) and its next review date is after `date`.
 */
export function supplierApprovalOn(supplier: Pick<SupplierSnapshot, 'decisions'>, date: IsoDate): SupplierApproval {
  const decision = decisionOn(supplier.decisions, date);
  if (!decision) {
    const reason = supplier.decisions.length === 0 ? 'No vetting decision is recorded' : `No vetting decision had been made by ${uk(date)}`;
    return { approved: false, reason };
  }
  const who = `by ${decision.by} on ${uk(decision.on)}`;
  if (decision.decision === 'rejected') {
    return { approved: false, reason: `Rejected ${who}${hasText(decision.note) ? ` (${decision.note.trim()})` : ''}`, decision };
  }
  const verb = decision.decision === 'conditional' ? 'Approved with conditions' : 'Approved';
  const conditions = decision.decision === 'conditional' && hasText(decision.note) ? ` (${decision.note.trim()})` : '';
  if (!decision.nextReviewOn) {
    return { approved: false, reason: `${verb} ${who}${conditions} but no next review date is set`, decision };
  }
  if (decision.nextReviewOn <= date) {
    return {
      approved: false,
      reason: `${verb} ${who}${conditions} but the review due on ${uk(decision.nextReviewOn)} has passed`,
      decision,
    };
  }
  return {
    approved: true,
    reason: `${verb} ${who}${conditions}; next review due ${uk(decision.nextReviewOn)}`,
    decision,
    until: decision.nextReviewOn,
  };
}

export function vettingDecision(j: Judge, s: SupplierSnapshot): RuleResult {
  const rule = 'SUP-VETTING-DECISION';
  const a = supplierApprovalOn(s, j.asOf);
  return a.approved ? met(j, rule, a.reason, a.until) : notMet(rule, a.reason);
}

// ---------- the rest of Governance F ----------
export interface IndemnityMinimum {
  minGBP: number;
  /** The service whose own minimum applies; absent when the firm's default applies. */
  service?: string;
}

/**
 * The indemnity a supplier needs: each of its services needs the firm's minimum for that
 * service (settings.supplierIndemnityMinByService, names compared ignoring case and
 * spacing) or else the default (settings.supplierIndemnityMinGBP); the supplier needs the
 * highest of these. A supplier with no services needs the default.
 */
export function supplierIndemnityMinimum(
  s: Pick<SupplierSnapshot, 'services'>,
  settings: Pick<FirmSettings, 'supplierIndemnityMinGBP' | 'supplierIndemnityMinByService'>,
): IndemnityMinimum {
  const byService = new Map<string, number>();
  for (const [name, gbp] of Object.entries(settings.supplierIndemnityMinByService ?? {})) byService.set(serviceKey(name), gbp);
  const fallback = settings.supplierIndemnityMinGBP;
  if (s.services.length === 0 || byService.size === 0) return { minGBP: fallback };
  // A service's own minimum replaces the default for that service, up or down.
  const needs = s.services.map((service) => ({ service: service.trim(), own: byService.get(serviceKey(service)) }));
  const minGBP = Math.max(...needs.map((n) => n.own ?? fallback));
  const setter = needs.find((n) => n.own === minGBP);
  return setter ? { minGBP, service: setter.service } : { minGBP };
}
/** How service names are compared: trimmed, single-spaced, lower case. */
export function serviceKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function indemnity(j: Judge, s: SupplierSnapshot, min: IndemnityMinimum | number): RuleResult {
  const m = typeof min === 'number' ? { minGBP: min } : min;
  return coverResult(j, 'SUP-INDEMNITY', s.indemnity, m.minGBP, m.service);
}

export function qualification(j: Judge, s: SupplierSnapshot): RuleResult {
  const rule = 'SUP-QUALIFICATION';
  const named = s.qualifications.filter((q) => hasText(q.body));
  if (named.length === 0) return notMet(rule, 'No qualification or registration with a professional body is recorded');
  const label = (q: (typeof named)[number]) => (q.number ? `${q.body} ${q.number}` : q.body);
  const evidenced = named.find((q) => q.evidence.length > 0);
  if (evidenced) {
    return met(j, rule, `${label(evidenced)} recorded with evidence (${evidenced.evidence.map((e) => e.name).join(', ')})`);
  }
  return notMet(rule, `${listWords(named.map(label))} ${named.length === 1 ? 'is' : 'are'} recorded without evidence`);
}

export function experience(j: Judge, s: SupplierSnapshot): RuleResult {
  const rule = 'SUP-EXPERIENCE';
  return s.cvOnFile ? met(j, rule, 'CV or experience summary on file') : notMet(rule, 'No CV or experience summary on file');
}

export function safeguarding(j: Judge, s: SupplierSnapshot): RuleResult {
  const rule = 'SUP-SAFEGUARDING';
  const on = s.safeguardingOn;
  if (!on || on > j.asOf) return notMet(rule, 'No safeguarding training or certificate date is recorded');
  const lapses = lapsesOn(on, SUPPLIER_SAFEGUARDING_MONTHS);
  if (j.asOf < lapses) return met(j, rule, `Safeguarding training or certificate dated ${uk(on)}; lapses on ${uk(lapses)}`, lapses);
  return notMet(rule, `Safeguarding training or certificate dated ${uk(on)}, more than 36 months ago (lapsed on ${uk(lapses)})`);
}

// Regulatory entries are grouped by scheme (ignoring case), so a renewal recorded as a new
// entry supersedes the old one: per scheme, an entry without an expiry date counts as
// open-ended, otherwise the latest expiry counts. expiresOn is the last valid day. The rule
// is met while every scheme is current; it changes the day after the earliest expiry.
export function regulatoryCompliance(j: Judge, s: SupplierSnapshot): RuleResult {
  const rule = 'SUP-REGULATORY';
  if (s.regulatory.length === 0) return notMet(rule, 'No regulatory registration (such as ICO, HCPC or CQC) is recorded');
  const byScheme = new Map<string, Regulatory>();
  for (const r of s.regulatory) {
    const key = r.scheme.trim().toLowerCase();
    const prev = byScheme.get(key);
    if (!prev || (prev.expiresOn !== undefined && (r.expiresOn === undefined || r.expiresOn > prev.expiresOn))) byScheme.set(key, r);
  }
  const label = (r: Regulatory) => (r.reference ? `${r.scheme} ${r.reference}` : r.scheme);
  const expired: string[] = [];
  const current: string[] = [];
  let firstExpiry: IsoDate | undefined;
  for (const r of byScheme.values()) {
    if (r.expiresOn === undefined) {
      current.push(`${label(r)} (no expiry)`);
    } else if (r.expiresOn < j.asOf) {
      expired.push(`${label(r)} expired on ${uk(r.expiresOn)}`);
    } else {
      current.push(`${label(r)} to ${uk(r.expiresOn)}`);
      if (!firstExpiry || r.expiresOn < firstExpiry) firstExpiry = r.expiresOn;
    }
  }
  if (expired.length > 0) return notMet(rule, capitalise(expired.join('; ')));
  return met(j, rule, `Recorded: ${current.join(', ')}`, firstExpiry === undefined ? undefined : nextDay(firstExpiry));
}

export function fitnessToPractise(j: Judge, s: SupplierSnapshot): RuleResult {
  const rule = 'SUP-FITNESS-TO-PRACTISE';
  const latest = latestOnOrBefore(s.fitnessChecks, (c) => c.checkedOn, j.asOf);
  if (!latest) return notMet(rule, 'No register or fitness-to-practise check is recorded');
  const what = `${latest.register} check on ${uk(latest.checkedOn)}`;
  if (latest.result === 'restriction') {
    return notMet(rule, `${what} found a restriction${hasText(latest.note) ? `: ${latest.note.trim()}` : ''}`);
  }
  const lapses = lapsesOn(latest.checkedOn, FITNESS_CHECK_MONTHS);
  if (j.asOf < lapses) return met(j, rule, `${what} was clear; lapses on ${uk(lapses)}`, lapses);
  return notMet(rule, `${what} was clear but is more than 12 months old (lapsed on ${uk(lapses)})`);
}

export function serviceCoverage(j: Judge, s: SupplierSnapshot): RuleResult {
  const rule = 'SUP-SERVICE-COVERAGE';
  const missing: string[] = [];
  if (!hasText(s.serviceArea)) missing.push('service area');
  if (!hasText(s.acceptanceCriteria)) missing.push('acceptance criteria');
  if (missing.length > 0) return notMet(rule, `No ${listWords(missing)} recorded`);
  return met(j, rule, `Service area (${s.serviceArea!.trim()}) and acceptance criteria recorded`);
}

/** v2: an unanswered "works directly with clients?" is not met, never "no DBS needed". */
export function dbs(j: Judge, s: SupplierSnapshot): RuleResult {
  const rule = 'SUP-DBS';
  if (s.worksWithClients === false) return notApplicable(rule, 'Recorded as not working directly with clients, so no DBS check is needed');
  if (s.worksWithClients === undefined) return notMet(rule, 'Not recorded whether they work directly with clients');
  return dbsResult(j, rule, s.dbs);
}

/**
 * v2: an organisation not recorded as a sole trader, or anyone recorded as not one, is met; a
 * sole trader needs safeguarding and quality-assurance measures recorded; an individual with
 * the question unanswered is not met.
 */
export function solePractitioner(j: Judge, s: SupplierSnapshot): RuleResult {
  const rule = 'SUP-SOLE-PRACTITIONER';
  if (s.soleTrader === true) {
    if (hasText(s.safeguardsNote)) return met(j, rule, `Sole trader with safeguards recorded: ${s.safeguardsNote.trim()}`);
    return notMet(rule, 'Sole trader with no safeguarding or quality-assurance measures recorded');
  }
  if (s.soleTrader === false) return met(j, rule, 'Recorded as not a sole trader');
  if (s.kind === 'organisation') return met(j, rule, 'An organisation not recorded as a sole trader');
  return notMet(rule, 'Not recorded whether this individual practitioner works as a sole trader');
}

export function evidenceBased(j: Judge, s: SupplierSnapshot): RuleResult {
  const rule = 'SUP-EVIDENCE-BASED';
  if (hasText(s.evidenceBase)) return met(j, rule, `Follows ${s.evidenceBase.trim()}`);
  return notMet(rule, 'No guideline or treatment pathway is named for the service');
}

/** The supplier rules an instruction must not fail on its date (CASE-SUPPLIERS-VETTED, v2). */
export const INSTRUCTION_RULES: readonly RuleId[] = ['SUP-INDEMNITY', 'SUP-FITNESS-TO-PRACTISE', 'SUP-DBS'];

export interface InstructionVetting {
  vetted: boolean;
  /** The approval test on that date (SUP-VETTING-DECISION). */
  approval: SupplierApproval;
  /** The other rules not met on that date, each naming the rule and its reason then. */
  failures: string[];
  /** Why not vetted, one clause per problem (the approval first). */
  problems: string[];
}

/**
 * Whether a supplier was vetted on `date` (an instruction's date): approved then, and none of
 * SUP-INDEMNITY, SUP-FITNESS-TO-PRACTISE and SUP-DBS not_met then, judged with the records
 * dated on or before that date and the exemptions in force on it (due_soon and exempt pass).
 */
export function vettedOn(s: SupplierSnapshot, ctx: EngineContext, date: IsoDate): InstructionVetting {
  const approval = supplierApprovalOn(s, date);
  const j = ctx.judgeOn(date);
  const raw: RuleResult[] = [indemnity(j, s, supplierIndemnityMinimum(s, ctx.settings)), fitnessToPractise(j, s), dbs(j, s)];
  const failures: string[] = [];
  for (const r of applyExemptions(raw, s.exemptions, date, 'supplier')) {
    if (r.status === 'not_met') failures.push(`${ruleTitle(r.rule)} (${r.rule}) was not met on that date: ${lowerFirst(r.reason)}`);
  }
  const problems = [...(approval.approved ? [] : [`was not approved on that date: ${lowerFirst(approval.reason)}`]), ...failures];
  return { vetted: problems.length === 0, approval, failures, problems };
}

/** "X (ref) was not approved on DATE: why" or "X (ref) was approved on DATE, but ..." (the instruction form and the case page). */
export function notVettedWords(name: string, ref: string, on: IsoDate, v: InstructionVetting): string {
  const rest = v.failures.length ? `${v.approval.approved ? ', but ' : '; and '}${v.failures.join('; ')}` : '';
  return v.approval.approved
    ? `${name} (${ref}) was approved on ${uk(on)}${rest}`
    : `${name} (${ref}) was not approved on ${uk(on)}: ${lowerFirst(v.approval.reason)}${rest}`;
}

/** Every SUP-* rule for one supplier, in catalogue order (before exemptions). */
export function supplierResults(s: SupplierSnapshot, ctx: EngineContext): RuleResult[] {
  const j = ctx.judge;
  return [
    indemnity(j, s, supplierIndemnityMinimum(s, ctx.settings)),
    qualification(j, s),
    experience(j, s),
    safeguarding(j, s),
    regulatoryCompliance(j, s),
    fitnessToPractise(j, s),
    serviceCoverage(j, s),
    dbs(j, s),
    solePractitioner(j, s),
    evidenceBased(j, s),
    vettingDecision(j, s),
  ];
}
