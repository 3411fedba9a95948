// What every rule needs besides its own subject: the as-of date and warning window, the
// firm's settings, suppliers by ref (for CASE-SUPPLIERS-VETTED) and open-active counts per
// case manager (for STAFF-CASELOAD). Built once per evaluation; the lookups are computed
// on first use, so evaluating one subject stays cheap.
import type { RuleResult } from '../../contract/compliance';
import type { IsoDate } from '../../contract/dates';
import { DEFAULT_SETTINGS, type Exemption, type FirmSettings, type FirmSnapshot, type SupplierSnapshot } from '../../contract/model';
import { openActiveByManager } from './caseload';
import { type Judge, makeJudge, uk } from './window';

export interface EngineContext {
  asOf: IsoDate;
  settings: FirmSettings;
  judge: Judge;
  supplier(ref: string): SupplierSnapshot | undefined;
  /** Open-active cases managed by `staffRef` on as-of. */
  openActive(staffRef: string): number;
}

export function engineContext(snapshot: FirmSnapshot, asOf: IsoDate): EngineContext {
  const settings: FirmSettings = { ...DEFAULT_SETTINGS, ...snapshot.firm.settings };
  let suppliers: Map<string, SupplierSnapshot> | undefined;
  let counts: Map<string, number> | undefined;
  return {
    asOf,
    settings,
    judge: makeJudge(asOf, settings.warningDays),
    supplier(ref) {
      suppliers ??= new Map(snapshot.suppliers.map((s) => [s.ref, s]));
      return suppliers.get(ref);
    },
    openActive(staffRef) {
      counts ??= openActiveByManager(snapshot.cases, asOf);
      return counts.get(staffRef) ?? 0;
    },
  };
}

/**
 * Replaces each result whose rule has an exemption granted on or before as-of with an
 * `exempt` result naming who granted it, when and why (the latest grant wins).
 */
export function applyExemptions(results: RuleResult[], exemptions: readonly Exemption[], asOf: IsoDate): RuleResult[] {
  if (exemptions.length === 0) return results;
  const byRule = new Map<string, Exemption>();
  for (const e of exemptions) {
    if (e.grantedOn > asOf) continue;
    const prev = byRule.get(e.rule);
    if (!prev || e.grantedOn >= prev.grantedOn) byRule.set(e.rule, e);
  }
  if (byRule.size === 0) return results;
  return results.map((r) => {
    const e = byRule.get(r.rule);
    if (!e) return r;
    return { rule: r.rule, status: 'exempt', reason: `Exempted by ${e.grantedBy} on ${uk(e.grantedOn)}: ${e.reason}` };
  });
}
