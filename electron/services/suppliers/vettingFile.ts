// The supplier list with vetting states, and one supplier's whole vetting file, as the
// supplier pages show them. Read-only: judged on the ctx's today, the list on the firm model,
// a vetting file from the supplier's own rows.
import { SUPPLIER_SERVICES, type FirmSettings, type FirmSnapshot, type SupplierSnapshot } from '../../contract/model';
import type { SupplierFileView, SupplierListItem } from '../../contract/ops/suppliers';
import type { Ctx } from '../context';
import { engineContext, evaluateSupplier, type EngineContext } from '../compliance/engine';
import { serviceKey, supplierIndemnityMinimum } from '../compliance/supplierRules';
import { loadSupplierSnapshot } from '../snapshot';
import { getFirm } from '../firm/firm';
import { suppliers } from '../../../db/schema';
import { firmReport, perSupplier } from '../views/firmModel';
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

/**
 * Every supplier with its status and vetting state, on the firm model (views/firmModel.ts):
 * only suppliers changed since the last call are read and judged again.
 */
export function supplierList(ctx: Ctx): SupplierListItem[] {
  const asOf = ctx.clock.today();
  const { model, report } = firmReport(ctx, asOf, undefined, { suppliers: true });
  const snap = model.snapshot;
  return snap.suppliers
    .map((s, i) => {
      const r = report.suppliers[i]!;
      const vetting = perSupplier(ctx, model, i, 'vetting', asOf, () => {
        const d = decisionInForce(s, asOf);
        const atDecision = d ? evaluateSupplier(s, engineContext(snap, d.on)) : undefined;
        return supplierVetting(s, r, asOf, atDecision);
      });
      return { ...detailsOf(s), status: r.status, vetting };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.ref.localeCompare(b.ref));
}

/** The usual services, then every other one the firm has typed (first spelling wins). */
export function knownServices(ctx: Ctx, settings: FirmSettings): string[] {
  const seen = new Map<string, string>();
  const add = (name: string) => {
    const k = serviceKey(name);
    if (k && !seen.has(k)) seen.set(k, name.trim());
  };
  SUPPLIER_SERVICES.forEach(add);
  // Every service any supplier offers, straight from the column (not every supplier's file).
  const typed = [
    ...ctx.vault.orm
      .select({ services: suppliers.services })
      .from(suppliers)
      .all()
      .flatMap((r) => r.services),
    ...Object.keys(settings.supplierIndemnityMinByService ?? {}),
  ];
  typed.sort((a, b) => a.localeCompare(b, 'en-GB')).forEach(add);
  return [...seen.values()];
}

/** One supplier's vetting file, from its own rows: its rules read nothing else (supplierRules.ts). */
export function supplierFile(ctx: Ctx, ref: string): SupplierFileView {
  const s = loadSupplierSnapshot(ctx, ref);
  const f = getFirm(ctx);
  const snap: FirmSnapshot = {
    firm: { name: f.name, address: f.address, codeOfConductSignatory: f.codeOfConductSignatory, settings: f.settings, policies: [] },
    staff: [],
    suppliers: [s],
    cases: [],
  };
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
    knownServices: knownServices(ctx, ec.settings),
  };
}
