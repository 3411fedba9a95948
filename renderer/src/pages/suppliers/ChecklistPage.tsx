// A printable "Case Management Governance" quick checklist for one supplier: each question
// (in our own words) answered from the vetting file, with the status of the rules behind it.
import type { RuleResult, RuleStatus } from '../../../../electron/contract/compliance';
import { STATUSES } from '../../../../electron/contract/compliance';
import type { SupplierFileView } from '../../../../electron/contract/ops/suppliers';
import { VETTING_WORDS } from '../../../../electron/contract/ops/suppliers';
import { Link } from '@tanstack/react-router';
import { useOps } from '../../data/query';
import { StatusBadge } from '../../components/Status';
import { pounds, ukDate, ukDateLong } from '../../format';
import { DBS_LEVEL_WORDS } from '../staff/kinds';
import { VettingBadge } from './VettingBadge';

interface Line {
  question: string;
  answer: string;
  /** The rules behind the answer; none when the question is settled case by case. */
  rules: string[];
}

const files = (n: number) => (n === 0 ? 'no file attached' : n === 1 ? '1 file attached' : `${n} files attached`);

/** The questions and their answers from the vetting file. */
export function checklistLines(f: SupplierFileView): { main: Line[]; more: Line[] } {
  const s = f.supplier;
  const latest = <T,>(list: T[], date: (t: T) => string) => [...list].sort((a, b) => date(b).localeCompare(date(a)))[0];
  const pi = latest(s.indemnity, (p) => p.expiresOn);
  const check = latest(s.fitnessChecks, (c) => c.checkedOn);
  const dbs = latest(s.dbs, (d) => d.issuedOn);
  const decision = latest(s.decisions, (d) => d.on);
  const perCase = 'Settled on each case when the supplier is instructed; not part of the vetting file.';
  const main: Line[] = [
    {
      question: 'Is the supplier insured for professional indemnity and liability, in date and for enough cover?',
      answer: pi
        ? `${pi.insurer}, ${pounds(pi.coverGBP)} cover, to ${ukDate(pi.expiresOn)} (${files(pi.evidence.length)}). At least ${pounds(f.indemnityMin.minGBP)} is needed${f.indemnityMin.service ? ` for ${f.indemnityMin.service}` : ''}.`
        : `No policy recorded. At least ${pounds(f.indemnityMin.minGBP)} is needed.`,
      rules: ['SUP-INDEMNITY'],
    },
    {
      question: 'Have we seen proof of their professional registration or qualifications?',
      answer: s.qualifications.length
        ? s.qualifications.map((q) => `${q.body}${q.number ? ' ' + q.number : ''} (${files(q.evidence.length)})`).join('; ')
        : 'None recorded.',
      rules: ['SUP-QUALIFICATION'],
    },
    {
      question: 'Have we looked for restrictions, warnings or regulator concerns that could stop them providing the service?',
      answer: [
        check
          ? `${check.register} checked on ${ukDate(check.checkedOn)}: ${check.result === 'clear' ? 'clear' : 'restriction found'}${check.note ? ` (${check.note})` : ''}.`
          : 'No register check recorded.',
        s.regulatory.length
          ? `Regulators: ${s.regulatory.map((r) => `${r.scheme}${r.reference ? ' ' + r.reference : ''}${r.expiresOn ? ` to ${ukDate(r.expiresOn)}` : ''}`).join('; ')}.`
          : 'No regulatory registration recorded.',
      ].join(' '),
      rules: ['SUP-FITNESS-TO-PRACTISE', 'SUP-REGULATORY'],
    },
    {
      question: 'Do they work alone?',
      answer: s.soleTrader ? `Yes. Safeguards: ${s.safeguardsNote?.trim() || 'none recorded'}.` : 'No.',
      rules: ['SUP-SOLE-PRACTITIONER'],
    },
    {
      question: 'Is their safeguarding training current and suitable?',
      answer: s.safeguardingOn ? `Training or certificate dated ${ukDate(s.safeguardingOn)}.` : 'No date recorded.',
      rules: ['SUP-SAFEGUARDING'],
    },
    {
      question: 'Do they need a DBS check and, if so, have we seen it?',
      answer: !s.worksWithClients
        ? 'Not needed: they are not recorded as working directly with clients.'
        : dbs
          ? `Needed. ${DBS_LEVEL_WORDS[dbs.level] ?? dbs.level} certificate issued ${ukDate(dbs.issuedOn)}${dbs.updateService ? `, on the Update Service${dbs.lastStatusCheckOn ? ` (checked ${ukDate(dbs.lastStatusCheckOn)})` : ''}` : ''}.`
          : 'Needed, but none recorded.',
      rules: ['SUP-DBS'],
    },
    {
      question: 'Does the service follow the evidence or recognised good practice?',
      answer: s.evidenceBase?.trim() ? `Follows ${s.evidenceBase.trim()}.` : 'No guideline or pathway named.',
      rules: ['SUP-EVIDENCE-BASED'],
    },
    { question: 'Is funding in place for the service, or the whole course of treatment?', answer: perCase, rules: [] },
    { question: 'Have reporting and goal-setting arrangements been agreed?', answer: perCase, rules: [] },
  ];
  const more: Line[] = [
    { question: 'Is a CV or summary of their experience on file?', answer: s.cvOnFile ? 'Yes.' : 'No.', rules: ['SUP-EXPERIENCE'] },
    {
      question: "Do the client's needs fall within their service area and acceptance criteria?",
      answer: [
        s.serviceArea ? `Area: ${s.serviceArea}.` : 'No service area recorded.',
        s.acceptanceCriteria ? `Accepts: ${s.acceptanceCriteria}.` : 'No acceptance criteria recorded.',
      ].join(' '),
      rules: ['SUP-SERVICE-COVERAGE'],
    },
    {
      question: 'Has the firm decided the supplier is safe and suitable to instruct?',
      answer: decision ? `${VETTING_WORDS[f.vetting.state]}. ${f.vetting.reason}.` : 'No decision recorded.',
      rules: ['SUP-VETTING-DECISION'],
    },
  ];
  return { main, more };
}

/** The most severe status among results (exempt and not applicable count as met only when alone). */
function worst(results: RuleResult[]): RuleStatus {
  return results.map((r) => r.status).sort((a, b) => STATUSES.indexOf(a) - STATUSES.indexOf(b))[0] ?? 'not_applicable';
}

export function ChecklistPage({ supplierRef }: { supplierRef: string }) {
  const [f, firm] = useOps([
    ['supplierFile', { ref: supplierRef }],
    ['getFirm', {}],
  ]);
  const { main, more } = checklistLines(f);
  const statusOf = (l: Line): RuleStatus => (l.rules.length ? worst(f.report.rules.filter((r) => l.rules.includes(r.rule))) : 'not_applicable');
  const table = (lines: Line[], label: string) => (
    <table className="table sv-checklist" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Question</th>
          <th scope="col">From the vetting file</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.question}>
            <th scope="row">{l.question}</th>
            <td>
              {l.answer}
              {l.rules.length ? (
                <div className="hint">{l.rules.map((id) => `${id}: ${f.report.rules.find((r) => r.rule === id)?.reason ?? ''}`).join(' · ')}</div>
              ) : null}
            </td>
            <td>
              <StatusBadge status={statusOf(l)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section aria-labelledby="page-title" className="sv-print">
      <p className="sv-crumbs no-print">
        <Link to="/suppliers" activeOptions={{ exact: true }}>
          Suppliers
        </Link>{' '}
        ›{' '}
        <Link to="/suppliers/$ref" params={{ ref: f.supplier.ref }} activeOptions={{ exact: true }}>
          {f.supplier.name}
        </Link>{' '}
        › Checklist
      </p>
      <header className="page-head">
        <h1 id="page-title">Governance checklist: {f.supplier.name}</h1>
        <button type="button" className="no-print" onClick={() => window.print()}>
          Print
        </button>
      </header>
      <dl className="details">
        <dt>Supplier</dt>
        <dd>
          {f.supplier.name} ({f.supplier.ref}), {f.supplier.kind === 'individual' ? 'individual practitioner' : 'organisation'}
        </dd>
        <dt>Services</dt>
        <dd>{f.supplier.services.join(', ') || 'None recorded'}</dd>
        <dt>Vetting</dt>
        <dd>
          <VettingBadge state={f.vetting.state} />{' '}
          {f.vetting.nextReviewOn && f.vetting.state !== 'rejected' ? `Next review ${ukDate(f.vetting.nextReviewOn)}.` : ''}
        </dd>
        <dt>Evidence overall</dt>
        <dd>
          <StatusBadge status={f.report.status} />
        </dd>
        <dt>Firm</dt>
        <dd>{firm.name || 'Not recorded'}</dd>
        <dt>As of</dt>
        <dd>{ukDateLong(f.asOf)}</dd>
      </dl>
      <h2>Before instructing this supplier</h2>
      {table(main, 'Governance checklist')}
      <h2>Also in the vetting file</h2>
      {table(more, 'Other vetting checks')}
      <p className="hint sv-print-foot">
        Prepared with Caseproof on {ukDateLong(f.asOf)} by {f.user}. Statuses follow the firm&apos;s rules on that date; questions marked Not applicable are
        settled on each case.
      </p>
    </section>
  );
}
