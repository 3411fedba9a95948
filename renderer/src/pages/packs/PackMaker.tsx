// Making a pack: what kind, whose, for whom, as at which date and what to include; a preview of
// every item the pack answers and its status; then "Generate…" (a save dialog) and "Open folder".
import { useEffect, useId, useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import {
  PACK_KINDS,
  PACK_TITLES,
  type GeneratedPack,
  type PackKind,
  type PackOptionKey,
  type PackPreview,
  type PackRequest,
  type PreviewItem,
  packOptions,
  packRequest,
} from '../../../../electron/contract/ops/packs';
import { PARTY_KINDS } from '../../../../electron/contract/model';
import { useAction, useOpQuery, useOps } from '../../data/query';
import { useContractForm, withoutBlanks, type ContractForm } from '../../forms/useContractForm';
import { CheckInput, DateInput, FormMessage, SelectInput, TextInput, useBound } from '../../forms/inputs';
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
  embedImages: ['Draw images in the appendix', 'PNG, JPEG and GIF files are drawn on the page; other files are listed only.'],
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

type Recipient = { name: string; kind: string };
/**
 * The maker's choices: the request's own fields, plus who the pack is for as picked from
 * the list (`recipientChoice`: an index, or OTHER with the name and kind typed in). They
 * become a PackRequest, which the contract's packRequest schema then checks, so its
 * errors name this form's fields (ref, asOf, recipient.name).
 */
function makerSchema(recipients: Recipient[]) {
  return z
    .strictObject({
      kind: z.enum(PACK_KINDS),
      ref: z.string().optional(),
      asOf: z.string(),
      recipientChoice: z.string().optional(),
      recipient: z.strictObject({ name: z.string().optional(), kind: z.enum(PARTY_KINDS).optional() }).optional(),
      options: packOptions.required(),
      annex: z.boolean().optional(),
    })
    .superRefine((v, c) => {
      if (v.recipientChoice === OTHER && !v.recipient?.name?.trim())
        c.addIssue({ code: 'custom', path: ['recipient', 'name'], message: 'is required: type who the pack is for' });
    })
    .transform((v): z.input<typeof packRequest> => {
      const picked = v.recipientChoice === undefined ? undefined : recipients[Number(v.recipientChoice)];
      const typed =
        v.recipientChoice === OTHER && v.recipient?.name
          ? { name: v.recipient.name.trim(), ...(v.recipient.kind ? { kind: v.recipient.kind } : {}) }
          : undefined;
      const pickedKind = PARTY_KINDS.find((k) => k === picked?.kind);
      const recipient = typed ?? (picked ? { name: picked.name, ...(pickedKind ? { kind: pickedKind } : {}) } : undefined);
      return {
        kind: v.kind,
        ...(v.kind !== 'firm' && v.ref ? { ref: v.ref } : {}),
        asOf: v.asOf,
        ...(recipient ? { recipient } : {}),
        options: Object.fromEntries(OPTIONS_FOR[v.kind].map((k) => [k, v.options[k]])),
        ...(v.annex ? { annex: true } : {}),
      };
    })
    .pipe(packRequest);
}
type MakerForm = ContractForm<z.input<ReturnType<typeof makerSchema>>, PackRequest>;

export function PackMaker() {
  const [staff, suppliers, recipients, report] = useOps([
    ['listStaff', {}],
    ['listSuppliers', {}],
    ['listParties', {}], // the instructing parties on the firm's cases
    ['complianceReport', {}],
  ]);
  return <MakerForm staff={staff} suppliers={suppliers} recipients={recipients} today={report.asOf} />;
}

/** `value`, once it has stayed the same for `ms`. */
function useSettled(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

function MakerForm({
  staff,
  suppliers,
  recipients,
  today,
}: {
  staff: { ref: string; name: string }[];
  suppliers: { ref: string; name: string }[];
  recipients: Recipient[];
  today: string;
}) {
  const schema = useMemo(() => makerSchema(recipients), [recipients]);
  const f = useContractForm(schema, {
    kind: 'staff',
    // A firm of one (a sole practitioner) has only one case manager to choose: they are chosen already.
    ...(staff.length === 1 ? { ref: staff[0].ref } : {}),
    asOf: today,
    options: { includeReflections: true, includeEvidenceAppendix: true, embedImages: true, includeTraining: true, includeCaseload: true },
  });
  const generate = useAction('generatePack');
  const show = useAction('showPackInFolder');
  const [result, setResult] = useState<GeneratedPack | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);

  // The preview follows the choices as they change, once they make a whole request.
  const values = useWatch({ control: f.control });
  const checked = schema.safeParse(withoutBlanks(values));
  const wanted = useSettled(checked.success ? JSON.stringify(checked.data) : '', 150);
  const request: PackRequest | null = wanted && checked.success ? checked.data : null;
  const preview = useOpQuery('previewPack', request ?? { kind: 'firm', asOf: today }, { enabled: request !== null, keepPrevious: true });
  // While the next preview loads, the last one stays (keepPrevious); with no whole request, none.
  const shown = request ? (preview.data ?? null) : null;
  // Main's objections to the choices go beside the field they concern, or above Generate.
  const failure = preview.error;
  const { fail, clearErrors } = f;
  useEffect(() => {
    if (failure) fail(failure);
    else clearErrors('root.server');
  }, [failure, fail, clearErrors]);
  const kind = values.kind ?? 'staff';

  const onGenerate = f.submit(async (req) => {
    setMessage(null);
    setResult(null);
    const r = await generate.mutateAsync(req);
    if (r) setResult(r);
    else setMessage({ text: 'Nothing was saved.' });
  });
  const openFolder = async () => {
    if (!result) return;
    try {
      await show.mutateAsync({ path: result.path });
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), error: true });
    }
  };

  const people = kind === 'staff' ? staff : kind === 'supplier' ? suppliers : [];
  return (
    <section className="card" aria-labelledby="make-title">
      <h2 id="make-title">Make a pack</h2>
      <KindChoice form={f} onChosen={() => (f.setValue('ref', undefined), f.clearErrors('ref'), setResult(null))} />
      <div className="form-grid">
        {kind !== 'firm' ? (
          <SelectInput
            form={f}
            name="ref"
            label={kind === 'staff' ? 'Case manager' : 'Supplier'}
            blank={kind === 'staff' ? 'Choose a case manager…' : 'Choose a supplier…'}
            options={people.map((p) => [p.ref, `${p.name} (${p.ref})`] as const)}
            hint={people.length === 0 ? (kind === 'staff' ? 'No case managers are recorded yet.' : 'No suppliers are recorded yet.') : undefined}
            required
            onPicked={() => setResult(null)}
          />
        ) : null}
        <SelectInput
          form={f}
          name="recipientChoice"
          label="Prepared for"
          blank="Nobody named"
          options={[...recipients.map((r, i) => [String(i), `${r.name} (${PARTY_WORDS[r.kind] ?? r.kind})`] as const), [OTHER, 'Someone else…'] as const]}
          hint="The instructing parties on your cases are listed; choose “Someone else…” to type a name."
          onPicked={() => void f.trigger('recipient.name')}
        />
        {values.recipientChoice === OTHER ? (
          <>
            <TextInput form={f} name="recipient.name" label="Recipient name" required />
            <SelectInput
              form={f}
              name="recipient.kind"
              label="Recipient type"
              blank="Not given"
              options={PARTY_KINDS.map((k) => [k, PARTY_WORDS[k]] as const)}
            />
          </>
        ) : null}
        <DateInput form={f} name="asOf" label="Information as at" hint={`Records are checked on this date; today is ${ukDate(today)}.`} required />
      </div>
      <fieldset className="choices options">
        <legend>What to include</legend>
        {OPTIONS_FOR[kind].map((k) => (
          <CheckInput
            key={k}
            form={f}
            name={`options.${k}`}
            label={OPTION_LABELS[k][0]}
            hint={OPTION_LABELS[k][1]}
            disabled={k === 'embedImages' && !values.options?.includeEvidenceAppendix}
          />
        ))}
        <CheckInput
          form={f}
          name="annex"
          label="Include an evidence annex (PDF)"
          hint="A PDF saved beside the Word file, holding every page of the PDF files and every image the pack cites, each page marked with its file’s name and SHA-256."
        />
      </fieldset>

      <FormMessage form={f} />
      {shown ? (
        <Preview preview={shown} />
      ) : (
        <p className="hint">Choose {kind === 'staff' ? 'a case manager' : kind === 'supplier' ? 'a supplier' : 'the date'} to see what the pack will say.</p>
      )}

      <div className="actions">
        <button onClick={onGenerate} disabled={!shown || f.formState.isSubmitting} aria-describedby="generate-hint">
          {f.formState.isSubmitting ? 'Generating…' : 'Generate…'}
        </button>
        <span className="hint" id="generate-hint">
          You choose where to save the Word file (and the annex goes beside it); Caseproof keeps a record of it in the register below.
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
          {result.annex ? (
            <>
              <p>
                Saved its evidence annex <strong>{result.annex.fileName}</strong> beside it: {result.annex.pages} {result.annex.pages === 1 ? 'page' : 'pages'}{' '}
                for {result.annex.files} {result.annex.files === 1 ? 'file' : 'files'}
                {result.annex.notIncluded
                  ? `; ${result.annex.notIncluded} ${result.annex.notIncluded === 1 ? 'file' : 'files'} could not be included, and the annex says why`
                  : ''}
                .
              </p>
              <p>
                Annex SHA-256 <code className="sha">{result.annex.sha256}</code>
              </p>
            </>
          ) : null}
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

/** The three kinds of pack, each with a line saying what it is for. */
function KindChoice({ form, onChosen }: { form: MakerForm; onChosen: () => void }) {
  const b = useBound(form, 'kind');
  const group = useId();
  return (
    <fieldset className="choices">
      <legend>Kind of pack</legend>
      {KIND_CHOICES.map(([k, title, hint], i) => (
        <div key={k} className="choice">
          <input
            type="radio"
            id={`${group}-${k}`}
            name={group}
            value={k}
            checked={b.value === k}
            ref={i === 0 ? b.ref : undefined}
            aria-describedby={`${group}-${k}-hint`}
            onChange={() => {
              b.set(k);
              onChosen();
            }}
          />
          <span>
            <label htmlFor={`${group}-${k}`}>{title}</label>
            <span className="hint" id={`${group}-${k}-hint`}>
              {hint}
            </span>
          </span>
        </div>
      ))}
    </fieldset>
  );
}

function Preview({ preview }: { preview: PackPreview }) {
  const { counts } = preview;
  const summary = [
    `${counts.met} met`,
    counts.dueSoon ? `${counts.dueSoon} due soon` : '',
    counts.notMet ? `${counts.notMet} not met` : '',
    counts.exempt ? `${counts.exempt} exempt (not met)` : '',
    counts.notApplicable ? `${counts.notApplicable} not applicable` : '',
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
