// "Check a pack file": the person picks a Word pack or an evidence annex PDF they have (one sent
// back by a solicitor, say) and reads whether it is a pack this vault registered and unchanged, and
// which entry; or that it was changed after it was made, or is not from this vault. The verdict and
// its sentence come from main (services/packs/checkFile.ts), the same as `caseproof pack verify`.
import { useEffect, useRef, useState, type ChangeEvent, type RefObject } from 'react';
import { MAX_CHECKED_FILE_BYTES, type PackFileCheck as Check } from '../../../../electron/contract/ops/packs';
import { fileToBase64 } from '../../base64';
import { useAction } from '../../data/query';
import { ukDate, ukDateTime } from '../../format';

/** The verdict's first words: what it means, in words as well as the box's colour. */
const HEADLINE: Record<Check['outcome'], string> = {
  pack: 'Registered and unchanged.',
  annex: 'Registered evidence annex, unchanged.',
  changed: 'Changed after it was made.',
  'not-registered': 'Not a pack from this vault.',
  'not-a-pack-file': 'Not a pack file.',
};

export function PackFileCheck() {
  const verify = useAction('verifyPackFile');
  const [result, setResult] = useState<Check | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  // The answer appears below the control: focus goes to it, so it is read out and seen.
  useEffect(() => {
    if (result || error) box.current?.focus();
  }, [result, error]);

  const onPick = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setResult(null);
    setError(null);
    // Main checks the size too; refusing here first saves reading a huge file into memory.
    if (file.size > MAX_CHECKED_FILE_BYTES) {
      setError(`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; a file to check can be at most ${MAX_CHECKED_FILE_BYTES / 1024 / 1024} MB.`);
      input.value = '';
      return;
    }
    setBusy(true);
    try {
      setResult(await verify.mutateAsync({ name: file.name, base64: await fileToBase64(file) }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
      // The same file can be picked again (after it was changed, say).
      input.value = '';
    }
  };

  return (
    <section className="card pack-check" aria-labelledby="pack-check-title">
      <h2 id="pack-check-title">Check a pack file</h2>
      <p className="hint">
        Pick a Word pack or an evidence annex (PDF) to see whether this vault made it and whether it is exactly as it was made. The file is only read, not kept.
      </p>
      <p className="field">
        <label htmlFor="pack-check-file">Pack or annex file</label>{' '}
        <input id="pack-check-file" type="file" accept=".docx,.pdf" onChange={onPick} disabled={busy} />
        {busy ? <span className="hint"> Checking…</span> : null}
      </p>
      {error ? (
        <div ref={box} tabIndex={-1} className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      {result ? <Verdict check={result} boxRef={box} /> : null}
    </section>
  );
}

function Verdict({ check, boxRef }: { check: Check; boxRef: RefObject<HTMLDivElement | null> }) {
  const e = check.unchanged ? check.entry : null;
  return (
    <div
      ref={boxRef}
      tabIndex={-1}
      className={`outcome ${check.unchanged ? 'outcome-same' : 'outcome-changed'}`}
      role={check.unchanged ? 'status' : 'alert'}
      aria-label={`Check of ${check.fileName}`}
      data-outcome={check.outcome}
    >
      <p>
        <strong>{HEADLINE[check.outcome]}</strong> {check.sentence}
      </p>
      {e ? (
        <dl className="pack-check-facts">
          <dt>Register entry</dt>
          <dd>{e.id}</dd>
          <dt>Pack</dt>
          <dd>
            {e.title}, {e.kind === 'firm' ? (e.subjectName ?? 'the firm') : `${e.subjectName ?? 'no longer in the vault'} (${e.subjectRef})`}
          </dd>
          <dt>Prepared for</dt>
          <dd>{e.recipient ?? 'Nobody named'}</dd>
          <dt>As at</dt>
          <dd>{ukDate(e.asOf)}</dd>
          <dt>Made</dt>
          <dd>
            {ukDateTime(e.generatedAt)} by {e.generatedBy}
          </dd>
          {check.annex ? (
            <>
              <dt>Annex</dt>
              <dd>
                {check.annex.pages} pages, {check.annex.files} evidence files
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {check.changedParts.length ? (
        <>
          <p>Parts that differ from the pack as made:</p>
          <ul>
            {check.changedParts.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        SHA-256 of this file: <code className="sha">{check.sha256}</code>
      </p>
    </div>
  );
}
