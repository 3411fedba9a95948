// The supplier list with vetting states, and one supplier's whole vetting file, as the
// supplier pages show them. Read-only: evaluated from one snapshot on the ctx's today.
import { SUPPLIER_SERVICES, type FirmSnapshot, type SupplierSnapshot } from '../../contract/model';
import type { SupplierFileView, SupplierListItem } from '../../contract/ops/suppliers';
import type { Ctx } from '../context';
import { engineContext, evaluateSupplier, type EngineContext } from '../compliance/engine';
import { serviceKey, supplierIndemnityMinimum } from '../compliance/supplierRules';
import { notFound } from '../errors';
import { loadSnapshot } from '../snapshot';
import { SUPPLIER_FIELDS, type SupplierSummary } from './suppliers';
import { decisionInForce, supplierVetting } from './vetting';

export function detailsOf(s: SupplierSnapshot): SupplierSummary {
  const out: Record<string, unknown> = { id: s.id };
  for (const k of SUPPLIER_FIELDS) if (s[k] !== undefined) out[k] = s[k];
  return out as SupplierSummary;
}

/** The supplier's report on as-of and its vetting state (which compares with the decision date). */
function judge(snap: FirmSnapshot, s: SupplierSnapshot, ec: EngineContext) {
  const report = evaluateSupplier(s, ec);
  const d = decisionInForce(s, ec.asOf);
  const atDecision = d ? evaluateSupplier(s, engineContext(snap, d.on)) : undefined;
  return { report, vetting: supplierVetting(s, report, ec.asOf, atDecision) };
}

export function supplierList(ctx: Ctx): SupplierListItem[] {
  const snap = loadSnapshot(ctx);
  const ec = engineContext(snap, ctx.clock.today());
  return [...snap.suppliers]
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.ref.localeCompare(b.ref))
    .map((s) => {
      const { report, vetting } = judge(snap, s, ec);
      return { ...detailsOf(s), status: report.status, vetting };
    });
}

/** The usual services, then every other one the firm has typed (first spelling wins). */
export function knownServices(snap: FirmSnapshot): string[] {
  const seen = new Map<string, string>();
  const add = (name: string) => {
    const k = serviceKey(name);
    if (k && !seen.has(k)) seen.set(k, name.trim());
  };
  SUPPLIER_SERVICES.forEach(add);
  const typed = [...snap.suppliers.flatMap((s) => s.services), ...Object.keys(snap.firm.settings.supplierIndemnityMinByService ?? {})];
  typed.sort((a, b) => a.localeCompare(b, 'en-GB')).forEach(add);
  return [...seen.values()];
}

export function supplierFile(ctx: Ctx, ref: string): SupplierFileView {
  const snap = loadSnapshot(ctx);
  const s = snap.suppliers.find((x) => x.ref === ref);
  if (!s) throw notFound(`Supplier ${ref}`);
  const asOf = ctx.clock.today();
  const ec = engineContext(snap, asOf);
  const { report, vetting } = judge(snap, s, ec);
  return {
    asOf,
    user: ctx.user,
    supplier: { ...s, documents: s.documents ?? [] },
    report,
    vetting,
    indemnityMin: supplierIndemnityMinimum(s, ec.settings),
    knownServices: knownServices(snap),
  };
}
