// The pack register: every pack saved, with what, for whom, as at, by whom, when, the file name and
// its SHA-256. "Check" rebuilds a pack from what it was built from to prove the register can
// reproduce it byte for byte, and says what has changed in the records since; "Regenerate…"
// offers the pack as sent (the same bytes) or made again with today's records (a new pack).
import { useEffect, useRef, useState } from 'react';
import type { PackEntry, RegeneratedPack } from '../../../../electron/contract/ops/packs';
import { useAction, useOp } from '../../data/query';
import { ukDate, ukDateTime } from '../../format';

const short = (sha: string) => `${sha.slice(0, 12)}…`;

export function PackRegister() {
  const data = useOp('listPacks', {});
  const regenerate = useAction('regeneratePack');
  const reproduce = useAction('reproducePack');
  const show = useAction('showPackInFolder');
  const [outcome, setOutcome] = useState<{ entry: PackEntry; result: RegeneratedPack } | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [choosing, setChoosing] = useState<PackEntry | null>(null);

  /** 'check' and 'as-sent' rebuild from what the pack was built from; 'today' makes a new pack. */
  const rebuild = async (entry: PackEntry, how: 'check' | 'as-sent' | 'today') => {
    setBusy(entry.id);
    setChoosing(null);
    setOutcome(null);
    setMessage(null);
    try {
      const input = { id: entry.id, save: how !== 'check' };
      const result = how === 'today' ? await regenerate.mutateAsync(input) : await reproduce.mutateAsync(input);
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
                      onClick={() => rebuild(p, 'check')}
                      aria-label={`Check ${p.fileName} against the register`}
                    >
                      Check
                    </button>
                    <button
                      className="secondary"
                      disabled={busy !== null}
                      aria-expanded={choosing?.id === p.id}
                      onClick={() => setChoosing(choosing?.id === p.id ? null : p)}
                      aria-label={`Regenerate ${p.fileName}`}
                    >
                      Regenerate…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {choosing ? <RegenerateChoice entry={choosing} onChoose={(how) => rebuild(choosing, how)} onCancel={() => setChoosing(null)} /> : null}
      {outcome ? <Outcome {...outcome} onOpen={openFolder} /> : null}
      {message ? (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : 'hint'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}

function RegenerateChoice({ entry, onChoose, onCancel }: { entry: PackEntry; onChoose: (how: 'as-sent' | 'today') => void; onCancel: () => void }) {
  const first = useRef<HTMLButtonElement>(null);
  // The choice opens under the table: focus goes to it, where the eye goes.
  useEffect(() => first.current?.focus(), [entry.id]);
  return (
    <div className="regenerate-choice" role="group" aria-label={`Regenerate ${entry.fileName}`}>
      <p>
        Regenerate {entry.fileName} (pack {entry.id}, as at {ukDate(entry.asOf)}):
      </p>
      <p className="row-actions">
        <button ref={first} onClick={() => onChoose('as-sent')}>
          As sent
        </button>
        <span className="hint">the same file, byte for byte, from what it was built from</span>
      </p>
      <p className="row-actions">
        <button className="secondary" onClick={() => onChoose('today')}>
          With today&rsquo;s records
        </button>
        <span className="hint">a new pack as at today, added to the register</span>
      </p>
      <button className="link" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

function Since({ since }: { since: string[] | undefined }) {
  if (!since) return null;
  if (since.length === 0) return <p>The records it was built from have not changed since.</p>;
  return (
    <>
      <p>Since it was made:</p>
      <ul>
        {since.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </>
  );
}

function Outcome({ entry, result, onOpen }: { entry: PackEntry; result: RegeneratedPack; onOpen: (p: string) => void }) {
  const fresh = result.entry;
  return (
    <div className={`outcome ${result.same || fresh ? 'outcome-same' : 'outcome-changed'}`} role="status">
      {fresh ? (
        <>
          <p>
            <strong>New pack.</strong> {entry.fileName} made again with today&rsquo;s records, as at {ukDate(fresh.asOf)}: pack {fresh.id}, SHA-256{' '}
            <code className="sha">{fresh.sha256}</code>.
          </p>
          <Since since={result.changes} />
        </>
      ) : result.same ? (
        <>
          <p>
            <strong>Unchanged.</strong> Rebuilt from what it was built from, {entry.fileName} comes out byte for byte as registered: SHA-256{' '}
            <code className="sha">{result.sha256}</code>.
          </p>
          <Since since={result.since} />
        </>
      ) : (
        <>
          <p>
            <strong>Different.</strong> Rebuilt, the pack no longer matches {entry.fileName} (SHA-256 now <code className="sha">{result.sha256}</code>,
            registered <code className="sha">{entry.sha256}</code>).
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
          {fresh ? ', and added to the register as a new pack' : ''}.{' '}
          <button className="secondary" onClick={() => onOpen(result.path!)}>
            Open folder
          </button>
        </p>
      ) : null}
      {result.annex ? (
        <p>
          Saved its evidence annex {result.annex.fileName} beside it, the same bytes as sent ({result.annex.pages} pages, annex SHA-256{' '}
          <code>{result.annex.sha256}</code>).
        </p>
      ) : null}
    </div>
  );
}
