// Files for a part of the vetting file that is not a record of its own (the CV, the
// safeguarding certificate...). Once the first file is attached the topic has a record,
// and the shared evidence card takes over (drop, pick, view, save a copy, delete).
import type { Stored, SupplierDocument, SupplierDocumentTopic } from '../../../../electron/contract/model';
import { useAction } from '../../data/query';
import { RecordWithEvidence } from '../../components/EvidenceFiles';
import { AttachBar, useAttach } from '../../components/useAttach';

export function TopicFiles({
  supplierRef,
  topic,
  documents,
  label,
}: {
  supplierRef: string;
  topic: SupplierDocumentTopic;
  documents: Stored<SupplierDocument>[];
  label: string;
}) {
  const mine = documents.filter((d) => d.topic === topic);
  if (mine.length) {
    return (
      <>
        {mine.map((d) => (
          <RecordWithEvidence key={d.id} recordId={d.id} files={d.evidence} label={label}>
            <h3 className="record-title">{label}</h3>
          </RecordWithEvidence>
        ))}
      </>
    );
  }
  return <FirstFile supplierRef={supplierRef} topic={topic} label={label} />;
}

/** Before any file: a card to drop the first file onto, or pick it. */
function FirstFile({ supplierRef, topic, label }: { supplierRef: string; topic: SupplierDocumentTopic; label: string }) {
  const attachOne = useAction('attachSupplierDocument');
  const attachPicked = useAction('attachSupplierDocumentFromDialog');
  const attach = useAttach({
    upload: (name, base64) => attachOne.mutateAsync({ ref: supplierRef, topic, name, base64 }),
    pick: () => attachPicked.mutateAsync({ ref: supplierRef, topic }),
  });
  return (
    <article className={`card record${attach.dragging ? ' dragging' : ''}`} aria-label={label} {...attach.dropTarget}>
      <h3 className="record-title">{label}</h3>
      <section className="evidence" aria-label={`Evidence files for ${label}`}>
        <h4>Evidence files</h4>
        <p className="hint">No files yet.</p>
        <AttachBar busy={attach.busy} notes={attach.notes} onPick={attach.pick} where="here" />
      </section>
    </article>
  );
}
