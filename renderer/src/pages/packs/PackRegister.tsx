// The pack register: every pack saved, with what, for whom, as at, by whom, when, the file name and
// its SHA-256; "Check" rebuilds a pack to prove it is unchanged and "Regenerate…" saves a copy.
import { useState } from 'react';
import type { PackEntry, RegeneratedPack } from '../../../../electron/contract/ops/packs';
import { useAction, useOp } from '../../data/query';
import { ukDate, ukDateTime } from '../../format';

const short = (sha: string) => `${sha.slice(0, 12)}…`;

export function PackRegister() {
  const data = useOp('listPacks', {});
  const regenerate = useAction('regeneratePack');
  const show = useAction('showPackInFolder');
  const [outcome, setOutcome] = useState<{ entry: PackEntry; result: RegeneratedPack } | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const rebuild = async (entry: PackEntry, save: boolean) => {
    setBusy(entry.id);
    setOutcome(null);
    setMessage(null);
    try {
      const result = await regenerate.mutateAsync({ id: entry.id, save });
      if (!result) setMessage({ text: 'Nothing was saved.' });
      else setOutcome({ entry, result });
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), error: true });
    } finally {
      setBusy(null);
    }
  };
  const copy = async (sha: string) => {
    try {
      await navigator.clipboard.writeText(sha);
      setMessage({ text: 'SHA-256 copied.' });
    } catch {
      setMessage({ text: `Copying is not available here; the SHA-256 is ${sha}.` });
    }
  };
  const openFolder = async (p: string) => {
    try {
      await show.mutateAsync({ path: p });
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), error: true });
    }
  };

  return (
    <section className="card" aria-labelledby="register-title">
      <h2 id="register-title">Pack register</h2>
      {data.length === 0 ? <p>No packs yet. Packs you generate are listed here, so you can show what was sent and when.</p> : null}
      {data.length > 0 ? (
        <div className="scroll-x">
          <table className="table register" aria-label="Pack register">
            <thead>
              <tr>
                <th scope="col">Pack</th>
                <th scope="col">About</th>
                <th scope="col">Prepared for</th>
                <th scope="col">As at</th>
                <th scope="col">Made by</th>
                <th scope="col">When</th>
                <th scope="col">File</th>
                <th scope="col">SHA-256</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((p) => (
                <tr key={p.id} data-pack={p.id}>
                  <td>{p.title}</td>
                  <td>{p.kind === 'firm' ? (p.subjectName ?? 'The firm') : `${p.subjectName ?? 'No longer in the vault'} (${p.subjectRef})`}</td>
                  <td>{p.recipient ?? <span className="hint">Nobody named</span>}</td>
                  <td>{ukDate(p.asOf)}</td>
                  <td>{p.generatedBy}</td>
                  <td>{ukDateTime(p.generatedAt)}</td>
                  <td className="pack-file">{p.fileName}</td>
                  <td>
                    <code className="sha" title={p.sha256}>
                      {short(p.sha256)}
                    </code>{' '}
                    <button className="link" onClick={() => copy(p.sha256)} aria-label={`Copy the SHA-256 of ${p.fileName}`}>
                      Copy
                    </button>
                  </td>
                  <td className="row-actions">
                    <button
                      className="secondary"
                      disabled={busy !== null}
                      onClick={() => rebuild(p, false)}
                      aria-label={`Check ${p.fileName} against the records`}
                    >
                      Check
                    </button>
                    <button className="secondary" disabled={busy !== null} onClick={() => rebuild(p, true)} aria-label={`Regenerate ${p.fileName}`}>
                      Regenerate…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {outcome ? <Outcome {...outcome} onOpen={openFolder} /> : null}
      {message ? (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : 'hint'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}

function Outcome({ entry, result, onOpen }: { entry: PackEntry; result: RegeneratedPack; onOpen: (p: string) => void }) {
  return (
    <div className={`outcome ${result.same ? 'outcome-same' : 'outcome-changed'}`} role="status">
      {result.same ? (
        <p>
          <strong>Unchanged.</strong> Rebuilt from the records as at {ukDate(entry.asOf)}, {entry.fileName} comes out byte for byte the same: SHA-256{' '}
          <code className="sha">{result.sha256}</code>.
        </p>
      ) : (
        <>
          <p>
            <strong>Different.</strong> Rebuilt as at {ukDate(entry.asOf)}, the pack no longer matches {entry.fileName} (SHA-256 now{' '}
            <code className="sha">{result.sha256}</code>, registered <code className="sha">{entry.sha256}</code>).
          </p>
          <ul>
            {result.changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      )}
      {result.path ? (
        <p>
          Saved to {result.path}
          {result.entry ? ', and added to the register as a new pack because it differs' : ''}.{' '}
          <button className="secondary" onClick={() => onOpen(result.path!)}>
            Open folder
          </button>
        </p>
      ) : null}
    </div>
  );
}
