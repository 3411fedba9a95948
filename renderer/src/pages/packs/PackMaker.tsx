// Making a pack: what kind, whose, for whom, as at which date and what to include; a preview of
// every item the pack answers and its status; then "Generate…" (a save dialog) and "Open folder".
import { useEffect, useId, useMemo, useState } from 'react';
import {
  PACK_TITLES,
  type GeneratedPack,
  type PackKind,
  type PackOptionKey,
  type PackPreview,
  type PackRequest,
  type PreviewItem,
  packRequest,
} from '../../../../electron/contract/ops/packs';
import { PARTY_KINDS } from '../../../../electron/contract/model';
import { ApiError, call } from '../../api';
import { useLoad } from '../../hooks';
import { CheckField, SelectField, TextField } from '../../components/fields';
import { DateField } from '../../components/DateField';
import { StatusBadge } from '../../components/Status';
import { ukDate } from '../../format';

const KIND_CHOICES: [PackKind, string, string][] = [
  ['staff', PACK_TITLES.staff, 'One case manager, for a solicitor’s or insurer’s Legal Panel checks'],
  ['supplier', PACK_TITLES.supplier, 'One therapy or care provider, against the Governance checks'],
  ['firm', PACK_TITLES.firm, 'The whole firm: Organisation items A to L and Governance D and E'],
];

const OPTION_LABELS: Record<PackOptionKey, [string, string]> = {
  includeReflections: ['CPD reflections', 'The case manager’s own notes beside each CPD activity.'],
  includeEvidenceAppendix: ['Evidence appendix', 'Every file behind the answers, with its SHA-256 fingerprint.'],
  embedImages: ['Show image files in the appendix', 'PNG, JPEG and GIF files are drawn on the page; other files are listed only.'],
  includeTraining: ['Mandatory training', 'Safeguarding, mental capacity and information security training.'],
  includeCaseload: ['Caseload figures', 'Open and active cases and the mix of injuries and funding.'],
};
const OPTIONS_FOR: Record<PackKind, PackOptionKey[]> = {
  staff: ['includeReflections', 'includeTraining', 'includeCaseload', 'includeEvidenceAppendix', 'embedImages'],
  supplier: ['includeEvidenceAppendix', 'embedImages'],
  firm: ['includeCaseload', 'includeEvidenceAppendix', 'embedImages'],
};
const PARTY_WORDS: Record<string, string> = {
  solicitor: 'Solicitor',
  insurer: 'Insurer',
  deputy: 'Deputy',
  'nhs-la': 'NHS or local authority',
  other: 'Other',
};
const OTHER = '__other__';
/** True when the error concerns a field shown on this form (otherwise it is shown as a message). */
const onForm = (e: ApiError) => Object.keys(e.fieldErrors()).some((f) => ['ref', 'asOf', 'recipient.name'].includes(f));

export function PackMaker({ onMade }: { onMade: () => void }) {
  const { data, error } = useLoad(async () => {
    const [staff, suppliers, recipients, report] = await Promise.all([
      call('listStaff', {}),
      call('listSuppliers', {}),
      call('listParties', {}), // the instructing parties on the firm's cases
      call('complianceReport', {}),
    ]);
    return { staff, suppliers, recipients, today: report.asOf };
  }, []);
  if (error)
    return (
      <p role="alert" className="form-error">
        {error}
      </p>
    );
  if (!data) return <p aria-busy="true">Loading…</p>;
  return <MakerForm {...data} onMade={onMade} />;
}

type Loaded = {
  staff: { ref: string; name: string }[];
  suppliers: { ref: string; name: string }[];
  recipients: { name: string; kind: string; cases: number }[];
  today: string;
};

function MakerForm({ staff, suppliers, recipients, today, onMade }: Loaded & { onMade: () => void }) {
  const [kind, setKind] = useState<PackKind>('staff');
  const [ref, setRef] = useState<string | undefined>(undefined);
  const [recipientChoice, setRecipientChoice] = useState<string>('');
  const [otherName, setOtherName] = useState('');
  const [otherKind, setOtherKind] = useState<string | undefined>(undefined);
  const [asOf, setAsOf] = useState(today);
  const [options, setOptions] = useState<Record<PackOptionKey, boolean>>({
    includeReflections: true,
    includeEvidenceAppendix: true,
    embedImages: true,
    includeTraining: true,
    includeCaseload: true,
  });
  const [preview, setPreview] = useState<PackPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<GeneratedPack | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);

  const recipient = useMemo(() => {
    if (recipientChoice === OTHER) return otherName.trim() ? { name: otherName.trim(), ...(otherKind ? { kind: otherKind } : {}) } : undefined;
    if (!recipientChoice) return undefined;
    const r = recipients[Number(recipientChoice)];
    return r ? { name: r.name, kind: r.kind } : undefined;
  }, [recipientChoice, otherName, otherKind, recipients]);

  const request = useMemo(() => {
    const chosen = Object.fromEntries(OPTIONS_FOR[kind].map((k) => [k, options[k]]));
    return { kind, ...(kind !== 'firm' && ref ? { ref } : {}), asOf, ...(recipient ? { recipient } : {}), options: chosen };
  }, [kind, ref, asOf, recipient, options]);

  const check = useMemo(() => packRequest.safeParse(request), [request]);
  const clientErrors = useMemo(() => {
    const out: Record<string, string> = {};
    if (!check.success) for (const i of check.error.issues) out[i.path.join('.')] ??= i.message;
    if (recipientChoice === OTHER && !otherName.trim()) out['recipient.name'] = 'is required: type who the pack is for';
    return out;
  }, [check, recipientChoice, otherName]);
  const errorOf = (field: string) => serverErrors[field] ?? clientErrors[field];

  // The preview follows the choices as they change.
  useEffect(() => {
    setServerErrors({});
    setPreviewError(null);
    setResult(null);
    if (!check.success || (recipientChoice === OTHER && !otherName.trim())) {
      setPreview(null);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      call('previewPack', check.data as PackRequest).then(
        (p) => live && (setPreview(p), setPreviewError(null)),
        (e: unknown) => {
          if (!live) return;
          setPreview(null);
          if (e instanceof ApiError && onForm(e)) setServerErrors(e.fieldErrors());
          else setPreviewError((e as Error).message);
        },
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [check, recipientChoice, otherName]);

  const generate = async () => {
    if (!check.success) return;
    setBusy(true);
    setMessage(null);
    setResult(null);
    try {
      const r = await call('generatePack', check.data as PackRequest);
      if (r) {
        setResult(r);
        onMade();
      } else setMessage({ text: 'Nothing was saved.' });
    } catch (e) {
      if (e instanceof ApiError && onForm(e)) setServerErrors(e.fieldErrors());
      else setMessage({ text: (e as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  };
  const openFolder = async () => {
    if (!result) return;
    try {
      await call('showPackInFolder', { path: result.path });
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    }
  };

  const people = kind === 'staff' ? staff : kind === 'supplier' ? suppliers : [];
  const kindName = useId();
  return (
    <section className="card" aria-labelledby="make-title">
      <h2 id="make-title">Make a pack</h2>
      <fieldset className="choices">
        <legend>Kind of pack</legend>
        {KIND_CHOICES.map(([k, title, hint]) => (
          <div key={k} className="choice">
            <input
              type="radio"
              id={`${kindName}-${k}`}
              name={kindName}
              value={k}
              checked={kind === k}
              aria-describedby={`${kindName}-${k}-hint`}
              onChange={() => {
                setKind(k);
                setRef(undefined);
              }}
            />
            <span>
              <label htmlFor={`${kindName}-${k}`}>{title}</label>
              <span className="hint" id={`${kindName}-${k}-hint`}>
                {hint}
              </span>
            </span>
          </div>
        ))}
      </fieldset>
      <div className="form-grid">
        {kind !== 'firm' ? (
          <SelectField
            label={kind === 'staff' ? 'Case manager' : 'Supplier'}
            name="ref"
            value={ref}
            onChange={setRef}
            blank={kind === 'staff' ? 'Choose a case manager…' : 'Choose a supplier…'}
            options={people.map((p) => [p.ref, `${p.name} (${p.ref})`] as [string, string])}
            error={ref === undefined ? serverErrors.ref : errorOf('ref')}
            hint={people.length === 0 ? (kind === 'staff' ? 'No case managers are recorded yet.' : 'No suppliers are recorded yet.') : undefined}
            required
          />
        ) : null}
        <SelectField
          label="Prepared for"
          name="recipient"
          value={recipientChoice}
          onChange={(v) => setRecipientChoice(v ?? '')}
          blank="Nobody named"
          options={[
            ...recipients.map((r, i) => [String(i), `${r.name} (${PARTY_WORDS[r.kind] ?? r.kind})`] as [string, string]),
            [OTHER, 'Someone else…'] as [string, string],
          ]}
          hint="The instructing parties on your cases are listed; choose “Someone else…” to type a name."
        />
        {recipientChoice === OTHER ? (
          <>
            <TextField label="Recipient name" name="recipientName" value={otherName} onChange={setOtherName} error={errorOf('recipient.name')} required />
            <SelectField
              label="Recipient type"
              name="recipientKind"
              value={otherKind}
              onChange={setOtherKind}
              blank="Not given"
              options={PARTY_KINDS.map((k) => [k, PARTY_WORDS[k]] as [string, string])}
            />
          </>
        ) : null}
        <DateField
          label="Information as at"
          name="asOf"
          value={asOf}
          onChange={setAsOf}
          error={errorOf('asOf')}
          hint={`Records are checked on this date; today is ${ukDate(today)}.`}
          required
        />
      </div>
      <fieldset className="choices options">
        <legend>What to include</legend>
        {OPTIONS_FOR[kind].map((k) => (
          <CheckField
            key={k}
            name={k}
            label={OPTION_LABELS[k][0]}
            hint={OPTION_LABELS[k][1]}
            checked={options[k]}
            disabled={k === 'embedImages' && !options.includeEvidenceAppendix}
            onChange={(v) => setOptions((o) => ({ ...o, [k]: v }))}
          />
        ))}
      </fieldset>

      {previewError ? (
        <p className="form-error" role="alert">
          {previewError}
        </p>
      ) : null}
      {preview ? (
        <Preview preview={preview} />
      ) : (
        <p className="hint">Choose {kind === 'staff' ? 'a case manager' : kind === 'supplier' ? 'a supplier' : 'the date'} to see what the pack will say.</p>
      )}

      <div className="actions">
        <button onClick={generate} disabled={!preview || busy} aria-describedby="generate-hint">
          {busy ? 'Generating…' : 'Generate…'}
        </button>
        <span className="hint" id="generate-hint">
          You choose where to save the Word file; Caseproof keeps a record of it in the register below.
        </span>
      </div>
      {result ? (
        <div className="saved-pack" role="status">
          <p>
            Saved <strong>{result.entry.fileName}</strong> to {result.path}.
          </p>
          <p>
            SHA-256 <code className="sha">{result.entry.sha256}</code>
          </p>
          <button className="secondary" onClick={openFolder}>
            Open folder
          </button>
        </div>
      ) : null}
      {message ? (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : 'hint'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}

function Preview({ preview }: { preview: PackPreview }) {
  const { counts } = preview;
  const summary = [
    `${counts.met} met`,
    counts.dueSoon ? `${counts.dueSoon} due soon` : '',
    counts.notMet ? `${counts.notMet} not met` : '',
    counts.other ? `${counts.other} with no evidence held in Caseproof` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const extras = [
    preview.cpdEntries !== undefined ? `${preview.cpdEntries} CPD ${preview.cpdEntries === 1 ? 'activity' : 'activities'} in the two years` : '',
    preview.evidenceFiles ? `${preview.evidenceFiles} evidence ${preview.evidenceFiles === 1 ? 'file' : 'files'} in the appendix` : 'no evidence appendix',
    preview.images ? `${preview.images} drawn as ${preview.images === 1 ? 'an image' : 'images'}` : '',
  ].filter(Boolean);
  return (
    <section className="preview" aria-labelledby="preview-title" aria-live="polite">
      <header className="page-head">
        <h3 id="preview-title">
          Preview: {preview.title} for {preview.subjectName}
          {preview.recipient ? `, prepared for ${preview.recipient.name}` : ''}, as at {ukDate(preview.asOf)}
        </h3>
        <StatusBadge status={preview.overall} />
      </header>
      <p>
        {summary}. The pack will also hold {extras.join(', ')}.
      </p>
      {preview.groups.map((g) => (
        <table key={g.title} className="table preview-table" aria-label={g.title}>
          <caption>{g.title}</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">What is checked</th>
              <th scope="col">Status</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {g.items.map((i) => (
              <tr key={g.title + i.item}>
                <th scope="row">{i.item}</th>
                <td>{i.question}</td>
                <td>
                  <ItemStatus item={i} />
                </td>
                <td>
                  {i.reasons.map((r) => (
                    <div key={r}>{r}</div>
                  ))}
                  {i.files.length ? <div className="hint">Files: {i.files.join(', ')}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}

function ItemStatus({ item }: { item: PreviewItem }) {
  if (item.status) return <StatusBadge status={item.status} />;
  return (
    <span className="status status-none">
      <span aria-hidden="true">? </span>
      {item.word}
    </span>
  );
}
