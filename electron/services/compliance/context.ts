// What every rule needs besides its own subject: the as-of date, the instant it stands for
// and the warning window, the firm's settings, suppliers by ref (for CASE-SUPPLIERS-VETTED)
// and open-active counts per case manager (for STAFF-CASELOAD). Built once per evaluation;
// the lookups are computed on first use, so evaluating one subject stays cheap.
import type { RuleResult } from '../../contract/compliance';
import { exemptionExpiry, exemptionInForce } from '../../contract/conventions';
import type { IsoDate } from '../../contract/dates';
import { DEFAULT_SETTINGS, type Exemption, type FirmSettings, type FirmSnapshot, type SupplierSnapshot } from '../../contract/model';
import { ruleById, type RuleSubject } from '../../contract/rules';
import { openActiveByManager } from './caseload';
import { type Judge, makeJudge, nextDay, uk } from './window';

export interface EngineContext {
  asOf: IsoDate;
  settings: FirmSettings;
  judge: Judge;
  /** The whole firm (ORG-SUPPLIERS-PAID and ORG-OUTCOMES read every case). */
  snapshot: FirmSnapshot;
  supplier(ref: string): SupplierSnapshot | undefined;
  /** Open-active cases managed by `staffRef` on as-of. */
  openActive(staffRef: string): number;
  /** A judge for another date with the same warning window (CASE-SUPPLIERS-VETTED judges on each instruction's date). */
  judgeOn(date: IsoDate): Judge;
  /** A value computed once per key for this evaluation (e.g. a supplier's vetting on a date, shared by its instructions). */
  once<T>(key: string, make: () => T): T;
}

/**
 * The context for judging `snapshot` as of `asOf`. `at` is the instant "now" when judging
 * today (a Date or epoch ms; it should fall on the as-of date in London); without it the
 * judgement stands at the end of the as-of day, as rules.md says of "as of a date".
 */
export function engineContext(snapshot: FirmSnapshot, asOf: IsoDate, at?: Date | number): EngineContext {
  const settings: FirmSettings = { ...DEFAULT_SETTINGS, ...snapshot.firm.settings };
  const atMs = at === undefined ? undefined : typeof at === 'number' ? at : at.getTime();
  let suppliers: Map<string, SupplierSnapshot> | undefined;
  let counts: Map<string, number> | undefined;
  const cache = new Map<string, unknown>();
  return {
    asOf,
    settings,
    snapshot,
    judge: makeJudge(asOf, settings.warningDays, atMs),
    supplier(ref) {
      suppliers ??= new Map(snapshot.suppliers.map((s) => [s.ref, s]));
      return suppliers.get(ref);
    },
    openActive(staffRef) {
      counts ??= openActiveByManager(snapshot.cases, asOf);
      return counts.get(staffRef) ?? 0;
    },
    judgeOn(date) {
      return makeJudge(date, settings.warningDays);
    },
    once<T>(key: string, make: () => T): T {
      if (!cache.has(key)) cache.set(key, make());
      return cache.get(key) as T;
    },
  };
}

/**
 * Replaces each result whose rule has an exemption in force on as-of (granted on or before
 * it, as-of on or before its expiry) with an `exempt` result: "Exempt until DATE: reason
 * (granted by NAME on DATE)", changing on the day after the expiry. Of several in force, the
 * one granted last wins. An exemption from a rule that cannot be exempted, or from another
 * kind of subject's rule, never applies (a version-1 file may carry one): the rule keeps its
 * own verdict and its reason says the exemption was not applied.
 */
export function applyExemptions(results: RuleResult[], exemptions: readonly Exemption[], asOf: IsoDate, subject: RuleSubject): RuleResult[] {
  if (exemptions.length === 0) return results;
  const byRule = new Map<string, Exemption>();
  const refused = new Map<string, Exemption>();
  for (const e of exemptions) {
    if (!exemptionInForce(e, asOf)) continue;
    const info = ruleById(e.rule);
    if (!info || info.subject !== subject || !info.exemptable) {
      refused.set(e.rule, e);
      continue;
    }
    const prev = byRule.get(e.rule);
    if (!prev || e.grantedOn >= prev.grantedOn) byRule.set(e.rule, e);
  }
  if (byRule.size === 0 && refused.size === 0) return results;
  return results.map((r) => {
    const e = byRule.get(r.rule);
    if (e) {
      const until = exemptionExpiry(e);
      return { rule: r.rule, status: 'exempt', reason: exemptReason(e), changesOn: nextDay(until) };
    }
    const no = refused.get(r.rule);
    if (!no) return r;
    return {
      ...r,
      reason: `${r.reason} (the exemption granted by ${no.grantedBy} on ${uk(no.grantedOn)} does not apply: this rule cannot be exempted)`,
    };
  });
}

/** How every pack and screen words an exemption in force. */
export function exemptReason(e: Exemption): string {
  return `Exempt until ${uk(exemptionExpiry(e))}: ${e.reason.trim().replace(/\.+$/, '')} (granted by ${e.grantedBy} on ${uk(e.grantedOn)})`;
}
