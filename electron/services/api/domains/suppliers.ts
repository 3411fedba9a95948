// Handlers of the suppliers operations (electron/contract/ops/suppliers.ts), over electron/services/suppliers/.
import { recordDecision } from '../../suppliers/decisions';
import { readEvidenceFileFrom } from '../../evidence/mediaType';
import { attachSupplierDocument, attachSupplierDocuments, DOCUMENT_TITLES } from '../../suppliers/documents';
import { setIndemnityMinimums } from '../../suppliers/minimums';
import { createSupplier, listSuppliers, updateSupplier } from '../../suppliers/suppliers';
import { supplierFile, supplierList } from '../../suppliers/vettingFile';
import { loadSupplierSnapshot } from '../../snapshot';
import type { Registry } from '../registry';
import type { Session } from '../session';

const EVIDENCE_FILTERS = [{ name: 'Documents and images', extensions: ['pdf', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'doc', 'docx'] }];

export function registerSuppliers(r: Registry, session: Session): void {
  const ctx = () => session.ctx();
  r.method('listSuppliers', () => listSuppliers(ctx()));
  r.method('getSupplier', ({ ref }) => loadSupplierSnapshot(ctx(), ref));
  r.method('createSupplier', (d) => createSupplier(ctx(), d));
  r.method('updateSupplier', ({ ref, details }) => updateSupplier(ctx(), ref, details));
  r.method('supplierList', () => supplierList(ctx()));
  r.method('supplierFile', ({ ref }) => supplierFile(ctx(), ref));
  r.method('recordSupplierDecision', (d) => recordDecision(ctx(), d));
  r.method('attachSupplierDocument', ({ ref, topic, name, base64 }) => attachSupplierDocument(ctx(), ref, topic, name, base64));
  r.method('attachSupplierDocumentFromDialog', async ({ ref, topic }) => {
    const c = ctx();
    const files = await session.platform.dialogs.openFiles({ title: `Attach: ${DOCUMENT_TITLES[topic]}`, filters: EVIDENCE_FILTERS, multiple: true });
    // Read every file first, then store them all in one transaction: all attached or none.
    const loaded = files.map((f) => readEvidenceFileFrom(f)); // hostile files: refused by size before reading
    return attachSupplierDocuments(c, ref, topic, loaded);
  });
  r.method('setSupplierIndemnityMinimums', (d) => setIndemnityMinimums(ctx(), d));
}
