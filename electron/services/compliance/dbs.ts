// DBS checks (STAFF-DBS, SUP-DBS). Only enhanced certificates count (with or without the
// barred-list check). A certificate meets the rule by one of two routes:
// - issued on or before as-of and within the last 36 months (lapses 36 months after issue);
// - on the DBS Update Service with a status check on or before as-of within the last
//   12 months (lapses 12 months after that check); a status check dated before the
//   certificate was issued does not count (it cannot have been a check of this certificate).
// Across all certificates and both routes, the route that lasts longest wins.
import type { RuleResult } from '../../contract/compliance';
import type { IsoDate } from '../../contract/dates';
import type { DbsCheck } from '../../contract/model';
import type { RuleId } from '../../contract/rules';
import { type Judge, lapsesOn, latestOnOrBefore, listWords, met, notMet, uk } from './window';

export const DBS_ISSUE_MONTHS = 36;
export const DBS_STATUS_CHECK_MONTHS = 12;

const isEnhanced = (c: DbsCheck): boolean => c.level === 'enhanced' || c.level === 'enhanced-barred';
const levelWords = (c: DbsCheck): string =>
  c.level === 'enhanced-barred'
    ? 'Enhanced DBS certificate with barred-list check'
    : c.level === 'enhanced'
      ? 'Enhanced DBS certificate'
      : `${c.level[0]!.toUpperCase()}${c.level.slice(1)} DBS certificate`;

export function dbsResult(j: Judge, rule: RuleId, checks: readonly DbsCheck[]): RuleResult {
  const asOf = j.asOf;
  const issued = checks.filter((c) => c.issuedOn <= asOf);
  if (issued.length === 0) {
    return notMet(rule, checks.length === 0 ? 'No DBS check is recorded' : `No DBS certificate issued on or before ${uk(asOf)} is recorded`);
  }
  const enhanced = issued.filter(isEnhanced);
  if (enhanced.length === 0) {
    const levels = [...new Set(issued.map((c) => c.level))];
    return notMet(
      rule,
      `Only a ${listWords(levels)} DBS check is recorded (latest issued ${uk(latestOnOrBefore(issued, (c) => c.issuedOn, asOf)!.issuedOn)}); basic and standard checks do not count, an enhanced check is needed`,
    );
  }

  let best: { check: DbsCheck; until: IsoDate; byUpdateService: boolean } | undefined;
  for (const c of enhanced) {
    const byIssue = lapsesOn(c.issuedOn, DBS_ISSUE_MONTHS);
    if (asOf < byIssue && (!best || byIssue > best.until)) best = { check: c, until: byIssue, byUpdateService: false };
    if (c.updateService && c.lastStatusCheckOn && c.lastStatusCheckOn <= asOf && c.lastStatusCheckOn >= c.issuedOn) {
      const byCheck = lapsesOn(c.lastStatusCheckOn, DBS_STATUS_CHECK_MONTHS);
      if (asOf < byCheck && (!best || byCheck > best.until)) best = { check: c, until: byCheck, byUpdateService: true };
    }
  }
  if (best) {
    const c = best.check;
    const reason = best.byUpdateService
      ? `${levelWords(c)} issued ${uk(c.issuedOn)} is on the Update Service, status last checked ${uk(c.lastStatusCheckOn!)}; lapses on ${uk(best.until)} without a new check`
      : `${levelWords(c)} issued ${uk(c.issuedOn)}; lapses on ${uk(best.until)}`;
    return met(j, rule, reason, best.until);
  }

  const latest = latestOnOrBefore(enhanced, (c) => c.issuedOn, asOf)!;
  let reason = `${levelWords(latest)} issued ${uk(latest.issuedOn)} is more than 3 years old`;
  if (!latest.updateService) reason += ' and is not on the Update Service';
  else if (!latest.lastStatusCheckOn || latest.lastStatusCheckOn > asOf) reason += ' and no Update Service status check is recorded';
  else if (latest.lastStatusCheckOn < latest.issuedOn)
    reason += `; its Update Service status check, dated ${uk(latest.lastStatusCheckOn)}, is before the certificate was issued, so it does not count`;
  else reason += ` and its last Update Service status check, on ${uk(latest.lastStatusCheckOn)}, is more than 12 months old`;
  return notMet(rule, reason);
}
