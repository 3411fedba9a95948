// One supplier's vetting file (MTSP Governance A-F): details, one section per item with its
// rule's status word, reason and evidence files, then the vetting decision and its history.
import { useRef, useState, type ReactNode } from 'react';
import type { RuleResult } from '../../../../electron/contract/compliance';
import { supplierDetails, type SupplierDetails, type SupplierDocumentTopic } from '../../../../electron/contract/model';
import type { RuleInfoView } from '../../../../electron/contract/ops/evidence';
import type { SupplierFileView } from '../../../../electron/contract/ops/suppliers';
import { call } from '../../api';
import { useLoad, useZodForm } from '../../hooks';
import { StatusBadge } from '../../components/Status';
import { CheckField, TextField } from '../../components/fields';
import { DateField } from '../../components/DateField';
import { pounds, ukDate } from '../../format';
import { RecordList, type StoredRec } from '../staff/Records';
import { DecisionForm, DecisionHistory, DECISION_WORDS } from './DecisionPanel';
import { SUPPLIER_KINDS } from './kinds';
import { detailValues, SupplierForm } from './SupplierForm';
import { TopicFiles } from './TopicFiles';
import { VettingBadge } from './VettingBadge';

export interface SectionDef {
  key: string;
  /** The item of the standard, by its own label. */
  item: string;
  title: string;
  rule: string;
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

export function SupplierPage({ supplierRef, go }: { supplierRef: string; go: (to: string) => void }) {
  const { data, error, reload } = useLoad(async () => {
    const [file, catalogue] = await Promise.all([call('supplierFile', { ref: supplierRef }), call('ruleCatalogue', {})]);
    return { file, catalogue: new Map(catalogue.map((r) => [r.id, r])) };
  }, [supplierRef]);
  const [editing, setEditing] = useState(false);
  const [decisionKey, setDecisionKey] = useState(0);
  const [decided, setDecided] = useState<string | null>(null);
  const sectionRefs = useRef(new Map<string, HTMLElement>());
  if (error)
    return (
      <p role="alert" className="form-error">
        {error}
      </p>
    );
  if (!data) return <p aria-busy="true">Loading…</p>;
  const { file, catalogue } = data;
  const s = file.supplier;
  const result = (rule: string): RuleResult => file.report.rules.find((r) => r.rule === rule) ?? { rule, status: 'not_met', reason: '' };
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
  const topic = (t: SupplierDocumentTopic, label: string) => (
    <TopicFiles supplierRef={s.ref} topic={t} documents={s.documents} label={label} onChanged={reload} />
  );
  const records = (list: unknown[]) => list as StoredRec[];

  return (
    <section aria-labelledby="page-title" className="sv-page">
      <p className="sv-crumbs">
        <a href="#/suppliers">Suppliers</a> › {s.name}
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
        <a className="button-link" href={`#/suppliers/${encodeURIComponent(s.ref)}/checklist`}>
          Printable governance checklist
        </a>
      </div>

      {editing ? (
        <SupplierForm
          initial={s}
          knownServices={file.knownServices}
          onSaved={(ref) => {
            setEditing(false);
            if (ref !== supplierRef) go(`/suppliers/${encodeURIComponent(ref)}`);
            else reload();
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
            <dd>{s.worksWithClients ? 'Yes' : 'No'}</dd>
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
          <RecordList spec={SUPPLIER_KINDS.supplierIndemnity} owner={owner} records={records(s.indemnity)} onChanged={reload} />
        </>,
      )}
      {section('qualifications', <RecordList spec={SUPPLIER_KINDS.qualification} owner={owner} records={records(s.qualifications)} onChanged={reload} />)}
      {section(
        'cv',
        <>
          <DetailsForm
            supplier={s}
            label="CV and experience"
            save="Save CV on file"
            fields={[{ name: 'cvOnFile', label: 'A CV or summary of experience is on file', kind: 'check' }]}
            onSaved={reload}
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
            onSaved={reload}
          />
          {topic('safeguarding', 'Safeguarding certificate')}
        </>,
      )}
      {section('regulatory', <RecordList spec={SUPPLIER_KINDS.regulatory} owner={owner} records={records(s.regulatory)} onChanged={reload} />)}
      {section('fitness', <RecordList spec={SUPPLIER_KINDS.fitnessCheck} owner={owner} records={records(s.fitnessChecks)} onChanged={reload} />)}
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
            onSaved={reload}
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
            onSaved={reload}
          />
          {s.worksWithClients ? (
            <RecordList spec={SUPPLIER_KINDS.dbs} owner={owner} records={records(s.dbs)} onChanged={reload} />
          ) : (
            <p className="sv-na">Not applicable: this supplier is not recorded as working directly with clients.</p>
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
            onSaved={reload}
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
            onSaved={reload}
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
              reload();
            }}
          />
          <h3>History</h3>
          <DecisionHistory decisions={s.decisions} name={s.name} />
        </>,
      )}
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
  showIf?: (v: Record<string, unknown>) => boolean;
};

/**
 * A few of the supplier's detail fields, saved on their own: the rest of the details are
 * taken from the latest copy, so saving here never undoes a change made elsewhere.
 */
function DetailsForm({
  supplier,
  label,
  save,
  fields,
  onSaved,
}: {
  supplier: SupplierFileView['supplier'];
  label: string;
  save: string;
  fields: MiniField[];
  onSaved: () => void;
}) {
  const [saved, setSaved] = useState(false);
  // Start again whenever the stored values change (e.g. attaching a CV ticks "CV on file").
  const stored = Object.fromEntries(fields.map((f) => [f.name, supplier[f.name]]));
  return (
    <>
      <DetailsFormInner
        key={JSON.stringify(stored)}
        supplier={supplier}
        label={label}
        save={save}
        fields={fields}
        stored={stored}
        onEdit={() => setSaved(false)}
        onSaved={() => {
          setSaved(true);
          onSaved();
        }}
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
  stored,
  onEdit,
  onSaved,
}: {
  supplier: SupplierFileView['supplier'];
  label: string;
  save: string;
  fields: MiniField[];
  stored: Record<string, unknown>;
  onEdit: () => void;
  onSaved: () => void;
}) {
  const schema = supplierDetails.pick(Object.fromEntries(fields.map((f) => [f.name, true])) as Record<keyof SupplierDetails, true>);
  const form = useZodForm(schema, stored);
  const f = { ...form, set: (name: string, x: unknown) => (onEdit(), form.set(name, x)) };
  const v = f.values;
  const submit = f.submitWith(async (d) => {
    await call('updateSupplier', {
      ref: supplier.ref,
      details: { ...(detailValues(supplier) as SupplierDetails), ...Object.fromEntries(fields.map((x) => [x.name, undefined])), ...d },
    });
    onSaved();
  });
  return (
    <form className="sv-mini" onSubmit={submit} noValidate aria-label={label}>
      {fields
        .filter((x) => !x.showIf || x.showIf(v))
        .map((x) => {
          const str = typeof v[x.name] === 'string' ? (v[x.name] as string) : undefined;
          if (x.kind === 'check')
            return <CheckField key={x.name} label={x.label} name={x.name} checked={v[x.name] === true} onChange={(b) => f.set(x.name, b)} hint={x.hint} />;
          if (x.kind === 'date')
            return (
              <DateField key={x.name} label={x.label} name={x.name} value={str} onChange={(t) => f.set(x.name, t)} error={f.errorOf(x.name)} hint={x.hint} />
            );
          return (
            <TextField
              key={x.name}
              label={x.label}
              name={x.name}
              value={str}
              multiline={x.kind === 'textarea'}
              onChange={(t) => f.set(x.name, t)}
              error={f.errorOf(x.name)}
              hint={x.hint}
            />
          );
        })}
      {f.formError ? (
        <p className="form-error" role="alert">
          {f.formError}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="secondary">
          {save}
        </button>
      </div>
    </form>
  );
}
