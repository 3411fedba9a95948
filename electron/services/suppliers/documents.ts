// Files for the parts of a vetting file that are not records of their own: the CV
// (Governance F(iii)), the safeguarding certificate (F(iv)), service coverage (F(vii)),
// sole-practitioner safeguards (B) and the evidence base (C). Each topic has one
// `supplierDocument` record per supplier, made when its first file is attached.
import { and, eq } from 'drizzle-orm';
import { records, suppliers } from '../../../db/schema';
import type { EvidenceMeta, SupplierDocumentTopic } from '../../contract/model';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { attachEvidence } from '../evidence/evidence';
import { insertRecord } from '../evidence/records';
import { readPayload } from '../evidence/payloads';
import { supplierRowByRef } from './suppliers';

export const DOCUMENT_TITLES: Record<SupplierDocumentTopic, string> = {
  cv: 'CV and experience',
  safeguarding: 'Safeguarding certificate',
  coverage: 'Service coverage and acceptance criteria',
  'sole-practitioner': 'Safeguards for working alone',
  'evidence-base': 'Evidence base',
};

/** The supplier's record for a topic, made if it has none (call inside a transaction). */
function documentRecord(ctx: Ctx, supplierId: number, topic: SupplierDocumentTopic): number {
  const existing = ctx.vault.orm
    .select()
    .from(records)
    .where(and(eq(records.supplierId, supplierId), eq(records.kind, 'supplierDocument')))
    .orderBy(records.id)
    .all()
    .find((r) => readPayload(ctx, r, 'supplierDocument').topic === topic);
  if (existing) return existing.id;
  return insertRecord(ctx, { staffId: null, supplierId }, 'supplierDocument', { topic, title: DOCUMENT_TITLES[topic] });
}

/**
 * Attaches files to the supplier's document record for `topic`: all or none. Attaching a
 * CV also records that a CV is on file (SUP-EXPERIENCE).
 */
export function attachSupplierDocuments(ctx: Ctx, ref: string, topic: SupplierDocumentTopic, files: { name: string; bytes: Uint8Array }[]): EvidenceMeta[] {
  if (files.length === 0) return [];
  return ctx.vault.tx(() => {
    const row = supplierRowByRef(ctx, ref);
    const recordId = documentRecord(ctx, row.id, topic);
    const metas = files.map((f) => attachEvidence(ctx, recordId, f));
    if (topic === 'cv' && !row.cvOnFile) {
      ctx.vault.orm.update(suppliers).set({ cvOnFile: true, updatedAt: ctx.clock.stamp() }).where(eq(suppliers.id, row.id)).run();
    }
    return metas;
  });
}

export function attachSupplierDocument(ctx: Ctx, ref: string, topic: SupplierDocumentTopic, name: string, base64: string): EvidenceMeta {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new AppError('invalid', `${name} did not arrive intact (not base64); try attaching it again.`, 'file');
  return attachSupplierDocuments(ctx, ref, topic, [{ name, bytes: Buffer.from(base64, 'base64') }])[0];
}
