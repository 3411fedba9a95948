// One supplier's vetting file (MTSP Governance A-F): details, one section per item with its
// rule's status word, reason and evidence files, then the vetting decision and its history.
import { RecordHistory } from '../../components/RecordHistory';
import { SupplierPayments } from './SupplierPayments';
import { Suspense, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useWatch } from 'react-hook-form';
import type { RuleResult } from '../../../../electron/contract/compliance';
import { supplierDetails, type SupplierDetails, type SupplierDocumentTopic } from '../../../../electron/contract/model';
import type { RuleInfoView } from '../../../../electron/contract/ops/evidence';
import type { RuleId } from '../../../../electron/contract/rules';
import type { SupplierFileView } from '../../../../electron/contract/ops/suppliers';
import { useAction, useOps } from '../../data/query';
import { StatusBadge } from '../../components/Status';
import { pounds, ukDate } from '../../format';
import { useContractForm } from '../../forms/useContractForm';
import { CheckInput, DateInput, FormMessage, TextInput } from '../../forms/inputs';
import { RecordList } from '../staff/Records';
import { DecisionForm, DecisionHistory } from './DecisionPanel';
import { DECISION_WORDS, SUPPLIER_KINDS } from './kinds';
import { detailValues, SupplierForm } from './SupplierForm';
import { pick } from '../../forms/pick';
import { TopicFiles } from './TopicFiles';
import { VettingBadge } from './VettingBadge';

export interface SectionDef {
  key: string;
  /** The item of the standard, by its own label. */
  item: string;
  title: string;
  rule: RuleId;
}
/** The vetting file, in the order of the standard's Governance F list, then DBS, B, C and A. */
export const SECTIONS: SectionDef[] = [
  { key: 'indemnity', item: 'Governance F(i)', title: 'Professional indemnity', rule: 'SUP-INDEMNITY' },
  { key: 'qualifications', item: 'Governance F(ii)', title: 'Qualifications and registration', rule: 'SUP-QUALIFICATION' },
  { key: 'cv', item: 'Governance F(iii)', title: 'CV and experience', rule: 'SUP-EXPERIENCE' },
  { key: 'safeguarding', item: 'Governance F(iv)', title: 'Safeguarding certification', rule: 'SUP-SAFEGUARDING' },
  { key: 'regulatory', item: 'Governance F(v)', title: 'Regulatory compliance', rule: 'SUP-REGULATORY' },
  { key: 'fitness', item: 'Governance F(vi)', title: 'Register and fitness-to-practise checks', rule: 'SUP-FITNESS-TO-PRACTISE' },
  { key: 'coverage', item: 'Governance F(vii)', title: 'Service coverage and acceptance criteria', rule: 'SUP-SERVICE-COVERAGE' },
  { key: 'dbs', item: 'Organisation H', title: 'DBS check', rule: 'SUP-DBS' },
  { key: 'sole', item: 'Governance B', title: 'Working alone', rule: 'SUP-SOLE-PRACTITIONER' },
  { key: 'evidence-base', item: 'Governance C', title: 'Evidence-based service', rule: 'SUP-EVIDENCE-BASED' },
  { key: 'decision', item: 'Governance A', title: 'Vetting decision', rule: 'SUP-VETTING-DECISION' },
];

export function SupplierPage({ supplierRef }: { supplierRef: string }) {
  const [file, catalogueList] = useOps([
    ['supplierFile', { ref: supplierRef }],
    ['ruleCatalogue', {}],
  ]);
  const catalogue = new Map(catalogueList.map((r) => [r.id, r]));
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [decisionKey, setDecisionKey] = useState(0);
  const [decided, setDecided] = useState<string | null>(null);
  const sectionRefs = useRef(new Map<string, HTMLElement>());
  const s = file.supplier;
  const result = (rule: RuleId): RuleResult => file.report.rules.find((r) => r.rule === rule) ?? { rule, status: 'not_met', reason: '' };
  const owner = { type: 'supplier' as const, ref: s.ref };
  const sec = (key: string) => SECTIONS.find((x) => x.key === key)!;
  const jump = (key: string) => {
    const el = sectionRefs.current.get(key);
    el?.scrollIntoView({ block: 'start' });
    el?.focus();
  };
  const section = (key: string, children: ReactNode) => (
    <Section
      def={sec(key)}
      result={result(sec(key).rule)}
      info={catalogue.get(sec(key).rule)}
      register={(el) => (el ? sectionRefs.current.set(key, el) : sectionRefs.current.delete(key))}
    >
      {children}
    </Section>
  );
  const topic = (t: SupplierDocumentTopic, label: string) => <TopicFiles supplierRef={s.ref} topic={t} documents={s.documents} label={label} />;

  return (
    <section aria-labelledby="page-title" className="sv-page">
      <p className="sv-crumbs">
        <Link to="/suppliers" activeOptions={{ exact: true }}>
          Suppliers
        </Link>{' '}
        › {s.name}
      </p>
      <header className="page-head">
        <h1 id="page-title">{s.name}</h1>
        <span className="sv-badges">
          <span>
            Vetting: <VettingBadge state={file.vetting.state} />
          </span>
          <span>
            Evidence: <StatusBadge status={file.report.status} />
          </span>
        </span>
      </header>
      <p className="sv-vetting-reason" role="status">
        {file.vetting.reason}.
      </p>
      <div className="actions">
        <Link className="button-link" to="/suppliers/$ref/checklist" params={{ ref: s.ref }}>
          Printable governance checklist
        </Link>
      </div>

      {editing ? (
        <SupplierForm
          initial={s}
          knownServices={file.knownServices}
          onSaved={(ref) => {
            setEditing(false);
            if (ref !== supplierRef) void navigate({ to: '/suppliers/$ref', params: { ref } });
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <section className="card" aria-labelledby="details-title">
          <h2 id="details-title">Details</h2>
          <dl className="details">
            <dt>Reference</dt>
            <dd>{s.ref}</dd>
            <dt>Kind</dt>
            <dd>{s.kind === 'individual' ? 'Individual practitioner' : 'Organisation'}</dd>
            <dt>Services</dt>
            <dd>{s.services.length ? s.services.join(', ') : 'None recorded'}</dd>
            <dt>Contact</dt>
            <dd>{s.contact ?? 'Not recorded'}</dd>
            <dt>Works directly with clients</dt>
            <dd>{s.worksWithClients === undefined ? 'Not recorded' : s.worksWithClients ? 'Yes' : 'No'}</dd>
            <dt>Works alone</dt>
            <dd>{s.soleTrader ? 'Yes' : 'No'}</dd>
          </dl>
          <div className="actions">
            <button type="button" onClick={() => setEditing(true)}>
              Edit details
            </button>
          </div>
        </section>
      )}

      <Suspense fallback={null}>
        <SupplierPayments supplierRef={s.ref} />
      </Suspense>

      <nav className="card sv-contents" aria-label="Vetting file contents">
        <h2>Vetting file</h2>
        <ol className="plain">
          {SECTIONS.map((d) => (
            <li key={d.key}>
              <button type="button" className="link-button" onClick={() => jump(d.key)}>
                {d.item}: {d.title}
              </button>{' '}
              <StatusBadge status={result(d.rule).status} />
            </li>
          ))}
        </ol>
      </nav>

      {section(
        'indemnity',
        <>
          <p className="hint">
            Cover needed: at least {pounds(file.indemnityMin.minGBP)}
            {file.indemnityMin.service ? ` (the firm's minimum for ${file.indemnityMin.service})` : " (the firm's default minimum)"}. The policy must be in
            force today.
          </p>
          <RecordList spec={SUPPLIER_KINDS.supplierIndemnity} owner={owner} records={s.indemnity} />
        </>,
      )}
      {section('qualifications', <RecordList spec={SUPPLIER_KINDS.qualification} owner={owner} records={s.qualifications} />)}
      {section(
        'cv',
        <>
          <DetailsForm
            supplier={s}
            label="CV and experience"
            save="Save CV on file"
            fields={[{ name: 'cvOnFile', label: 'A CV or summary of experience is on file', kind: 'check' }]}
          />
          {topic('cv', 'CV')}
        </>,
      )}
      {section(
        'safeguarding',
        <>
          <DetailsForm
            supplier={s}
            label="Safeguarding certification"
            save="Save safeguarding date"
            fields={[{ name: 'safeguardingOn', label: 'Safeguarding training or certificate dated', kind: 'date', hint: 'Counts for three years' }]}
          />
          {topic('safeguarding', 'Safeguarding certificate')}
        </>,
      )}
      {section('regulatory', <RecordList spec={SUPPLIER_KINDS.regulatory} owner={owner} records={s.regulatory} />)}
      {section('fitness', <RecordList spec={SUPPLIER_KINDS.fitnessCheck} owner={owner} records={s.fitnessChecks} />)}
      {section(
        'coverage',
        <>
          <DetailsForm
            supplier={s}
            label="Service coverage"
            save="Save service coverage"
            fields={[
              { name: 'serviceArea', label: 'Service area', kind: 'text', hint: 'Where they work, e.g. West Yorkshire' },
              { name: 'acceptanceCriteria', label: 'Acceptance criteria', kind: 'textarea', hint: 'Which clients they take on, and which they do not' },
            ]}
          />
          {topic('coverage', 'Service description or referral criteria')}
        </>,
      )}
      {section(
        'dbs',
        <>
          <DetailsForm
            supplier={s}
            label="Client contact"
            save="Save client contact"
            fields={[{ name: 'worksWithClients', label: 'Works directly with clients', kind: 'check', hint: 'Only then is an enhanced DBS check needed' }]}
          />
          {s.worksWithClients ? (
            <RecordList spec={SUPPLIER_KINDS.dbs} owner={owner} records={s.dbs} />
          ) : s.worksWithClients === false ? (
            <p className="sv-na">Not applicable: this supplier is recorded as not working directly with clients.</p>
          ) : (
            // Rules v2: an unanswered question is not met, never "no DBS needed".
            <p className="sv-na">
              Not recorded whether this supplier works directly with clients: say so in its details (if they do, an enhanced DBS check is needed).
            </p>
          )}
        </>,
      )}
      {section(
        'sole',
        <>
          <DetailsForm
            supplier={s}
            label="Working alone"
            save="Save working alone"
            fields={[
              { name: 'soleTrader', label: 'Works alone (sole practitioner or sole trader)', kind: 'check' },
              {
                name: 'safeguardsNote',
                label: 'Safeguarding and quality-assurance measures',
                kind: 'textarea',
                hint: 'e.g. clinical supervision, lone-worker app, audit of notes',
                showIf: (v) => v.soleTrader === true,
              },
            ]}
          />
          {s.soleTrader ? topic('sole-practitioner', 'Safeguards for working alone') : null}
        </>,
      )}
      {section(
        'evidence-base',
        <>
          <DetailsForm
            supplier={s}
            label="Evidence base"
            save="Save evidence base"
            fields={[
              { name: 'evidenceBase', label: 'Guideline or treatment pathway followed', kind: 'text', hint: 'e.g. NICE NG211, a National Service Framework' },
            ]}
          />
          {topic('evidence-base', 'Evidence base')}
        </>,
      )}
      {section(
        'decision',
        <>
          {decided ? (
            <p className="saved" role="status">
              {decided}
            </p>
          ) : null}
          <DecisionForm
            key={decisionKey}
            supplierRef={s.ref}
            name={s.name}
            user={file.user}
            today={file.asOf}
            onSaved={(d) => {
              setDecided(
                `Recorded: ${DECISION_WORDS[d.decision]} on ${ukDate(d.on)}${d.nextReviewOn && d.decision !== 'rejected' ? `, next review ${ukDate(d.nextReviewOn)}` : ''}.`,
              );
              setDecisionKey((n) => n + 1);
            }}
          />
          <h3>History</h3>
          <DecisionHistory decisions={s.decisions} name={s.name} />
        </>,
      )}
      <RecordHistory kind="supplier" reference={s.ref} />
    </section>
  );
}

function Section({
  def,
  result,
  info,
  register,
  children,
}: {
  def: SectionDef;
  result: RuleResult;
  info?: RuleInfoView;
  register: (el: HTMLElement | null) => void;
  children: ReactNode;
}) {
  const id = `sv-${def.key}-title`;
  return (
    <section className="card sv-section" aria-labelledby={id} ref={register} tabIndex={-1} data-section={def.key}>
      <header className="sv-section-head">
        <div>
          <h2 id={id}>{def.title}</h2>
          <div className="hint">
            {def.item} · {def.rule}
          </div>
        </div>
        <StatusBadge status={result.status} />
      </header>
      {info ? <p className="hint">{info.summary}</p> : null}
      <p className="sv-reason">
        {result.reason}
        {result.changesOn ? <span className="hint"> Changes on {ukDate(result.changesOn)}.</span> : null}
      </p>
      {children}
    </section>
  );
}

type MiniField = {
  name: keyof SupplierDetails;
  label: string;
  kind: 'text' | 'textarea' | 'date' | 'check';
  hint?: string;
  /** Shown only when this says so, from the values as typed. */
  showIf?: (v: Partial<SupplierDetails>) => boolean;
};

/**
 * A few of the supplier's detail fields, saved on their own: the rest of the details are
 * taken from the latest copy, so saving here never undoes a change made elsewhere.
 */
function DetailsForm({ supplier, label, save, fields }: { supplier: SupplierFileView['supplier']; label: string; save: string; fields: MiniField[] }) {
  const [saved, setSaved] = useState(false);
  // Start again whenever the stored values change (e.g. attaching a CV ticks "CV on file").
  const stored = JSON.stringify(fields.map((f) => supplier[f.name]));
  return (
    <>
      <DetailsFormInner
        key={stored}
        supplier={supplier}
        label={label}
        save={save}
        fields={fields}
        onEdit={() => setSaved(false)}
        onSaved={() => setSaved(true)}
      />
      {saved ? (
        <p className="saved" role="status">
          Saved.
        </p>
      ) : null}
    </>
  );
}
function DetailsFormInner({
  supplier,
  label,
  save,
  fields,
  onEdit,
  onSaved,
}: {
  supplier: SupplierFileView['supplier'];
  label: string;
  save: string;
  fields: MiniField[];
  onEdit: () => void;
  onSaved: () => void;
}) {
  const names = fields.map((x) => x.name);
  // Every field these forms show is optional in supplierDetails, so its partial checks them exactly.
  const f = useContractForm(supplierDetails.partial(), pick(supplier, names), { prefix: 'details' });
  const update = useAction('updateSupplier');
  const values = useWatch({ control: f.control });
  const submit = f.submit(async (d) => {
    // Fields of this form left empty are cleared; every other detail stays as stored.
    const cleared = Object.fromEntries(names.map((n) => [n, undefined]));
    await update.mutateAsync({ ref: supplier.ref, details: { ...detailValues(supplier), ...cleared, ...d } });
    onSaved();
  });
  return (
    <form className="sv-mini" onSubmit={submit} onChange={onEdit} noValidate aria-label={label}>
      {fields
        .filter((x) => !x.showIf || x.showIf(values))
        .map((x) =>
          x.kind === 'check' ? (
            <CheckInput key={x.name} form={f} name={x.name} label={x.label} hint={x.hint} />
          ) : x.kind === 'date' ? (
            <DateInput key={x.name} form={f} name={x.name} label={x.label} hint={x.hint} />
          ) : (
            <TextInput key={x.name} form={f} name={x.name} label={x.label} hint={x.hint} multiline={x.kind === 'textarea'} />
          ),
        )}
      <FormMessage form={f} />
      <div className="actions">
        <button type="submit" className="secondary">
          {save}
        </button>
      </div>
    </form>
  );
}
