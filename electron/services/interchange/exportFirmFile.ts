// Writes the whole vault as a firm file, version 2 (evidence included as base64), the inverse
// of importFirmFile: exporting, importing into an empty vault and exporting again gives the
// same file byte for byte.
//
// Two forms of one document: exportFirmFile() returns it as an object (tests, the demo), and
// writeFirmFile() streams it as text to a writer (the CLI and the app), reading each evidence
// file's bytes only when its turn comes, so a firm with 1,000 files of 200 KB never holds more
// than one of them (and about 1 MB of text) in memory. The text is exactly
// JSON.stringify(exportFirmFile(ctx), null, 1).
import { STAFF_LISTS, SUPPLIER_LISTS, type EvidenceMeta, type FirmFileEvidence } from '../../contract/model';
import type { Ctx } from '../context';
import { evidenceContentReader } from '../evidence/evidence';
import type { Write } from '../files';
import { loadSnapshot } from '../snapshot';
import { steps } from '../progress';
import { FIRM_FILE_VERSION, type FirmFileOut } from './firmFileSchema';
import { fieldsOf } from '../rows';

type Item = Record<string, unknown> & { id?: number; evidence?: EvidenceMeta[] };

/** A string made only when it is written (an evidence file's base64). */
class Deferred {
  constructor(readonly make: () => string) {}
}

/**
 * The firm file as a tree; `base64` is how an evidence file's content goes in (made now, or
 * deferred). With `counted`, each staff member and supplier placed in the tree is reported.
 */
function firmFileTree(ctx: Ctx, base64: (read: () => Buffer) => unknown, counted: boolean): Record<string, unknown> {
  ctx.progress?.({ done: 0, total: 1, label: 'Reading the vault' });
  const snap = loadSnapshot(ctx);
  const p = counted ? steps(ctx.progress, snap.staff.length + snap.suppliers.length, 'Exporting staff and suppliers') : undefined;
  const tick = () => p?.tick();
  const content = evidenceContentReader(ctx);
  const files = (ev: EvidenceMeta[] | undefined) =>
    ev && ev.length
      ? ev.map((m) => {
          const mediaType = m.mediaType as FirmFileEvidence['mediaType'];
          // DBS copies (hostile): a destroyed copy travels as its fingerprint (interchange.md "File (v2)").
          if (m.destroyed) {
            const { on, by, why } = m.destroyed;
            return { name: m.name, mediaType, sha256: m.sha256, destroyedOn: on, ...(by ? { destroyedBy: by } : {}), why };
          }
          return { name: m.name, mediaType, base64: base64(() => content(m.id)) };
        })
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
  // interchange.md calls a supplier document's topic its `kind`.
  const supplierOut = (s: Record<string, unknown>) => {
    const out = lists(s, SUPPLIER_LISTS);
    if (Array.isArray(out.documents)) out.documents = (out.documents as Record<string, unknown>[]).map(({ topic, ...d }) => ({ kind: topic, ...d }));
    return out;
  };
  return {
    format: 'caseproof-firm',
    version: FIRM_FILE_VERSION,
    firm: {
      name: snap.firm.name || 'Unnamed firm',
      ...(snap.firm.address ? { address: snap.firm.address } : {}),
      codeOfConductSignatory: snap.firm.codeOfConductSignatory,
      settings: snap.firm.settings,
      ...(snap.firm.policies.length ? { policies: snap.firm.policies.map((p) => clean(p as unknown as Item, true)) } : {}),
    },
    staff: snap.staff.map((s) => (tick(), lists(fieldsOf(s), STAFF_LISTS))),
    suppliers: snap.suppliers.map((s) => (tick(), supplierOut(fieldsOf(s)))),
    cases: snap.cases.map(({ id: _id, instructions, handovers, ...c }) => ({
      ...c,
      ...(instructions.length ? { instructions } : {}),
      ...(handovers.length ? { handovers: handovers.map(({ fromRef, toRef, ...h }) => ({ ...h, from: fromRef, to: toRef })) } : {}),
    })),
  };
}

/** The firm file as an object, evidence included. */
export function exportFirmFile(ctx: Ctx): FirmFileOut {
  return firmFileTree(ctx, (read) => read().toString('base64'), true) as unknown as FirmFileOut;
}

/** Streams the firm file as JSON text (indent 1), reading each evidence file as it is written. */
export async function writeFirmFile(ctx: Ctx, write: Write): Promise<void> {
  const tree = firmFileTree(ctx, (read) => new Deferred(() => read().toString('base64')), false);
  const count = (k: string) => (tree[k] as unknown[]).length;
  const p = steps(ctx.progress, count('staff') + count('suppliers') + count('cases'), 'Writing the firm file');
  await writeJson(tree, write, 0, () => p.tick());
  await write('\n');
}

function hasDeferred(v: unknown): boolean {
  if (v instanceof Deferred) return true;
  if (Array.isArray(v)) return v.some(hasDeferred);
  if (v !== null && typeof v === 'object') return Object.values(v).some(hasDeferred);
  return false;
}

/**
 * JSON.stringify(v, null, 1), written piece by piece: a part with no deferred string is
 * stringified whole (and indented to its depth); a part with one is walked, and so are the
 * top-level lists, whose every element (a staff member, supplier or case) is reported to `element`.
 */
async function writeJson(v: unknown, write: Write, depth: number, element: () => void): Promise<void> {
  if (v instanceof Deferred) return write(JSON.stringify(v.make()));
  const topList = depth === 1 && Array.isArray(v) && v.length > 0;
  if (!topList && !hasDeferred(v)) {
    const text = JSON.stringify(v, null, 1) ?? 'null';
    return write(depth ? text.replace(/\n/g, '\n' + ' '.repeat(depth)) : text);
  }
  const pad = ' '.repeat(depth + 1);
  if (Array.isArray(v)) {
    await write('[\n');
    for (let i = 0; i < v.length; i++) {
      if (topList) element();
      await write(pad);
      await writeJson(v[i] === undefined ? null : v[i], write, depth + 1, element);
      await write(i < v.length - 1 ? ',\n' : '\n');
    }
    return write(' '.repeat(depth) + ']');
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && typeof x !== 'function');
  await write('{\n');
  for (let i = 0; i < entries.length; i++) {
    const [k, x] = entries[i]!;
    await write(`${pad}${JSON.stringify(k)}: `);
    await writeJson(x, write, depth + 1, element);
    await write(i < entries.length - 1 ? ',\n' : '\n');
  }
  return write(' '.repeat(depth) + '}');
}
