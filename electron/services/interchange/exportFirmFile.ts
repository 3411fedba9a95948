// Writes the whole vault as a firm file (evidence included as base64), the inverse of
// importFirmFile: exporting and importing again gives the same records.
import { STAFF_LISTS, SUPPLIER_LISTS, type EvidenceMeta, type FirmFileEvidence } from '../../contract/model';
import type { Ctx } from '../context';
import { evidenceContentReader } from '../evidence/evidence';
import { loadSnapshot } from '../snapshot';
import { steps } from '../progress';
import type { FirmFile } from './firmFileSchema';

type Item = Record<string, unknown> & { id?: number; evidence?: EvidenceMeta[] };

export function exportFirmFile(ctx: Ctx): FirmFile {
  ctx.progress?.({ done: 0, total: 1, label: 'Reading the vault' });
  const snap = loadSnapshot(ctx);
  const p = steps(ctx.progress, snap.staff.length + snap.suppliers.length, 'Exporting staff and suppliers');
  const counted = <T>(x: T) => (p.tick(), x);
  const content = evidenceContentReader(ctx);
  const files = (ev: EvidenceMeta[] | undefined): FirmFileEvidence[] | undefined =>
    ev && ev.length
      ? ev.map((m) => ({ name: m.name, mediaType: m.mediaType as FirmFileEvidence['mediaType'], base64: content(m.id).toString('base64') }))
      : undefined;
  const clean = (it: Item, keepEvidence: boolean) => {
    const { id: _id, evidence, ...rest } = it;
    const f = keepEvidence ? files(evidence) : undefined;
    return f ? { ...rest, evidence: f } : rest;
  };
  const lists = (owner: Record<string, unknown>, names: Record<string, string>) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(owner)) {
      if (k === 'id') continue;
      if (k in names) {
        const arr = v as Item[];
        if (arr.length) out[k] = arr.map((it) => clean(it, k !== 'exemptions'));
      } else out[k] = v;
    }
    return out;
  };
  return {
    format: 'caseproof-firm',
    version: 1,
    firm: {
      name: snap.firm.name || 'Unnamed firm',
      ...(snap.firm.address ? { address: snap.firm.address } : {}),
      codeOfConductSignatory: snap.firm.codeOfConductSignatory,
      settings: snap.firm.settings,
      ...(snap.firm.policies.length ? { policies: snap.firm.policies.map((p) => clean(p as unknown as Item, true)) } : {}),
    },
    staff: snap.staff.map((s) => counted(lists(s as unknown as Record<string, unknown>, STAFF_LISTS))),
    suppliers: snap.suppliers.map((s) => counted(lists(s as unknown as Record<string, unknown>, SUPPLIER_LISTS))),
    cases: snap.cases.map(({ id: _id, instructions, handovers, ...c }) => ({
      ...c,
      ...(instructions.length ? { instructions } : {}),
      ...(handovers.length ? { handovers: handovers.map(({ fromRef, toRef, ...h }) => ({ ...h, from: fromRef, to: toRef })) } : {}),
    })),
  } as FirmFile;
}
