// Professional indemnity cover (STAFF-INDEMNITY, SUP-INDEMNITY): which policy is in force on
// as-of, how far a chain of back-to-back qualifying policies carries the cover, and a
// reason that names the policies used.
//
// A policy is in force on D when its start <= D <= expiresOn: expiresOn is the last day
// covered (conventions: expiry dates are the last day of validity). A policy with no start
// date started on the day after the date 12 months before its expiry (policyStart), and the
// reason says its start date was not recorded. Concurrent policies are never added together:
// one policy must reach the minimum on its own. A qualifying policy (cover >= the minimum)
// that starts on or before the day after the covered period ends extends it; the rule
// changes on the day after the last covered day.
import type { RuleResult } from '../../contract/compliance';
import type { IsoDate } from '../../contract/dates';
import type { RuleId } from '../../contract/rules';
import { capitalise, type Judge, met, money, nextDay, notMet, startOfPolicy, uk } from './window';

export interface CoverPolicy {
  insurer: string;
  coverGBP: number;
  startsOn?: IsoDate;
  expiresOn: IsoDate;
}

export interface CoverOutcome<P extends CoverPolicy> {
  /** The qualifying policy in force on as-of that runs longest, if any. */
  inForce?: P;
  /** The last day covered by in-force and back-to-back qualifying policies. */
  coveredTo?: IsoDate;
  /** Qualifying policies after `inForce` that carry the cover on, in order. */
  chain: P[];
  /** Policies in force on as-of whose cover is below the minimum. */
  below: P[];
  /** When nothing qualifying is in force: the earliest qualifying policy starting later. */
  startsLater?: P;
  /** The policy that ended most recently before as-of (any cover). */
  lastExpired?: P;
}

const startOf = (p: CoverPolicy): IsoDate => startOfPolicy(p);

export function judgeCover<P extends CoverPolicy>(policies: readonly P[], minGBP: number, asOf: IsoDate): CoverOutcome<P> {
  const out: CoverOutcome<P> = { chain: [], below: [] };
  const qualifying: P[] = [];
  for (const p of policies) {
    const inForce = startOf(p) <= asOf && asOf <= p.expiresOn;
    if (p.expiresOn < asOf && (!out.lastExpired || p.expiresOn > out.lastExpired.expiresOn)) out.lastExpired = p;
    if (p.coverGBP < minGBP) {
      if (inForce) out.below.push(p);
      continue;
    }
    qualifying.push(p);
    if (inForce && (!out.inForce || p.expiresOn > out.inForce.expiresOn)) out.inForce = p;
    if (startOf(p) > asOf && (!out.startsLater || startOf(p) < startOf(out.startsLater))) out.startsLater = p;
  }
  if (!out.inForce) return out;
  out.startsLater = undefined;
  // Follow the chain: in start order, a policy starting by the day after the end extends it.
  let end = out.inForce.expiresOn;
  const later = qualifying.filter((p) => p.expiresOn > end).sort((a, b) => (startOf(a) < startOf(b) ? -1 : startOf(a) > startOf(b) ? 1 : 0));
  for (const p of later) {
    if (startOf(p) > nextDay(end)) break;
    if (p.expiresOn > end) {
      out.chain.push(p);
      end = p.expiresOn;
    }
  }
  out.coveredTo = end;
  return out;
}

const describe = (p: CoverPolicy): string => `${p.insurer} policy (${money(p.coverGBP)})`;
/** Said of a policy whose start was assumed. */
const assumed = (p: CoverPolicy): string => (p.startsOn ? '' : ` (start date not recorded, so taken as ${uk(startOf(p))}, 12 months before its expiry)`);

/**
 * The rule result for indemnity cover of at least `minGBP` on the judge's as-of date.
 * `minFor` names what sets the minimum when it is not the usual one (e.g. 'psychology').
 */
export function coverResult(j: Judge, rule: RuleId, policies: readonly CoverPolicy[], minGBP: number, minFor?: string): RuleResult {
  const forWhat = minFor ? ` for ${minFor}` : '';
  if (policies.length === 0)
    return notMet(rule, `No professional indemnity policy is recorded${minFor ? ` (at least ${money(minGBP)} needed${forWhat})` : ''}`);
  const o = judgeCover(policies, minGBP, j.asOf);
  if (o.inForce && o.coveredTo) {
    let reason = `${o.inForce.insurer} policy with ${money(o.inForce.coverGBP)} cover (at least ${money(minGBP)} needed${forWhat}) is in force to ${uk(o.inForce.expiresOn)}${assumed(o.inForce)}`;
    if (o.chain.length > 0) {
      reason += `, continued by ${o.chain.map((p) => `${p.insurer} to ${uk(p.expiresOn)}`).join(', then ')}`;
    }
    return met(j, rule, reason, nextDay(o.coveredTo));
  }
  const parts: string[] = [];
  if (o.below.length > 0) {
    for (const p of o.below) {
      parts.push(`${p.insurer} policy is in force to ${uk(p.expiresOn)} but its cover of ${money(p.coverGBP)} is below ${money(minGBP)}${forWhat}`);
    }
    if (o.below.length > 1) parts.push('policies in force at the same time are not added together');
  } else if (o.lastExpired) {
    parts.push(`no policy is in force on ${uk(j.asOf)}: the ${describe(o.lastExpired)} expired on ${uk(o.lastExpired.expiresOn)}`);
  } else {
    parts.push(`no policy is in force on ${uk(j.asOf)}`);
  }
  if (o.startsLater) {
    const start = startOf(o.startsLater);
    parts.push(`the ${describe(o.startsLater)} starts on ${uk(start)}${assumed(o.startsLater)}`);
    return notMet(rule, capitalise(parts.join('; ')), start);
  }
  return notMet(rule, capitalise(parts.join('; ')));
}

export { capitalise };
