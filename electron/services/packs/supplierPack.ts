// The supplier vetting report: the MTSP Governance checks on one therapy or care provider
// (F i-vii, DBS, sole practitioner, evidence base, the vetting decision), the records behind
// them, the history of vetting decisions and the evidence files.
import type { FileChild } from 'docx';
import type { RuleResult } from '../../contract/compliance';
import type { RuleId } from '../../contract/rules';
import { ukDate } from '../../contract/dates';
import type { SupplierSnapshot } from '../../contract/model';
import { AppError } from '../errors';
import { answerFrom, overallAnswer, resultsFor } from './answers';
import { exemptionsTable } from './exemptionsTable';
import { citeGroups, supplierEvidence } from './evidence';
import { dateOrDash, dbsLevelWord, decisionWord, money, textOrDash, yesNo } from './labels';
import {
  type CellValue,
  coverPage,
  dataTable,
  evidenceAppendix,
  h1,
  h2,
  keyValueTable,
  type PackContext,
  para,
  rulesTable,
  statusCell,
  statusLine,
} from './parts';
import { renderPack } from './render';
import { confidentialityNotice, setupPack } from './setup';
import type { SupplierPackInput } from './types';

interface Check {
  item: string;
  question: string;
  rule: RuleId;
  groups: string[];
}

/** The checks in the order the report lists them: Governance F i-vii, then DBS, B, C and A. */
export const SUPPLIER_CHECKS: readonly Check[] = [
  { item: 'F(i)', question: 'Holds professional indemnity insurance that is in force', rule: 'SUP-INDEMNITY', groups: ['indemnity'] },
  {
    item: 'F(ii)',
    question: 'Is qualified for the service, e.g. listed as qualified by their professional body',
    rule: 'SUP-QUALIFICATION',
    groups: ['qualifications'],
  },
  { item: 'F(iii)', question: 'Has relevant work experience, e.g. shown by a detailed CV', rule: 'SUP-EXPERIENCE', groups: [] },
  { item: 'F(iv)', question: 'Holds current safeguarding training or certification', rule: 'SUP-SAFEGUARDING', groups: [] },
  {
    item: 'F(v)',
    question: 'Meets the regulatory requirements that apply, e.g. data protection, HCPC, CQC',
    rule: 'SUP-REGULATORY',
    groups: ['regulatory'],
  },
  {
    item: 'F(vi)',
    question: 'Has no fitness-to-practise alerts or restrictions from their governing body',
    rule: 'SUP-FITNESS-TO-PRACTISE',
    groups: ['fitnessChecks'],
  },
  {
    item: 'F(vii)',
    question: "Covers the client's area and needs within its acceptance criteria",
    rule: 'SUP-SERVICE-COVERAGE',
    groups: [],
  },
  { item: 'DBS', question: 'Holds an enhanced DBS check where it works directly with clients', rule: 'SUP-DBS', groups: ['dbs'] },
  {
    item: 'B',
    question: 'Is not a lone practitioner, or has safeguarding and quality assurance in place',
    rule: 'SUP-SOLE-PRACTITIONER',
    groups: [],
  },
  { item: 'C', question: 'Provides an evidence-based service that follows a recognised pathway or guideline', rule: 'SUP-EVIDENCE-BASED', groups: [] },
  {
    item: 'A',
    question: 'Has been assessed and approved as safe and effective, and the approval is current',
    rule: 'SUP-VETTING-DECISION',
    groups: ['decisions'],
  },
];

/** Builds the vetting report for the supplier `input.supplierRef`, as a .docx file. */
export async function buildSupplierPack(input: SupplierPackInput): Promise<Uint8Array> {
  const { ctx, options } = setupPack(input);
  const supplier = input.snapshot.suppliers.find((s) => s.ref === input.supplierRef);
  if (!supplier) throw new AppError('not-found', `No supplier with the reference "${input.supplierRef}" was found.`, 'supplierRef');
  const results = resultsFor(input.report.suppliers, supplier.ref);
  const evidence = supplierEvidence(supplier);

  const children: FileChild[] = [
    ...coverPage(ctx, {
      title: 'Supplier vetting report',
      subject: supplier.name,
      subjectDetail: supplier.services.join(', ') || undefined,
      recipient: input.recipient,
      asOf: input.asOf,
      notice: confidentialityNotice(supplier.name, input),
    }),
    ...summary(ctx, supplier, results, (groups) => citeGroups(evidence, groups), input.asOf),
    h1('2  About the supplier', { pageBreakBefore: true }),
    ...details(ctx, supplier),
    h1('3  Records behind the checks'),
    ...records(ctx, supplier),
    h1('4  Vetting decisions'),
    ...decisions(ctx, supplier),
    h1('5  Compliance rule by rule'),
    ...rulesTable(ctx, results),
  ];
  if (supplier.exemptions.length) children.push(...exemptionsTable(ctx, supplier.exemptions, 'supplier', input.asOf));
  if (options.includeEvidenceAppendix) {
    children.push(...(await evidenceAppendix(ctx, evidence, input.readEvidence, options.embedImages, `the records about ${supplier.name}`)));
  }
  return renderPack(
    ctx.theme,
    {
      title: `Supplier vetting report: ${supplier.name}`,
      subject: `MTSP Governance checks on ${supplier.name}`,
      footerLabel: `Supplier vetting report · ${supplier.name} · as at ${ukDate(input.asOf)}`,
      asOf: input.asOf,
    },
    children,
  );
}

function summary(ctx: PackContext, s: SupplierSnapshot, results: RuleResult[], cite: (g: string[]) => string, asOf: string): FileChild[] {
  return [
    h1('1  Vetting checklist', { pageBreakBefore: true }),
    para(
      `The MTSP Code of Conduct asks a case manager to be satisfied that a provider is safe and effective before instructing it (Governance A to F). ` +
        `Each check is answered below from the firm's records about ${s.name} as they stood on ${ukDate(asOf)}; ` +
        'file references such as E1 point to the evidence files listed in the appendix.',
    ),
    ...statusLine(overallAnswer(results, `checks on ${s.name}`)),
    ...dataTable(
      ctx,
      [
        { title: 'Item', weight: 8 },
        { title: 'The supplier…', weight: 27 },
        { title: 'Status', weight: 12 },
        { title: 'Reason', weight: 35 },
        { title: 'Evidence files', weight: 18 },
      ],
      SUPPLIER_CHECKS.map((c): CellValue[] => {
        const a = answerFrom(results, [c.rule]);
        return [c.item, c.question, statusCell(a), a.reasons, cite(c.groups) || '—'];
      }),
    ),
  ];
}

function details(ctx: PackContext, s: SupplierSnapshot): FileChild[] {
  return keyValueTable(ctx, [
    ['Name', s.name],
    ['Kind', s.kind === 'organisation' ? 'Organisation' : 'Individual practitioner'],
    ['Services', s.services.length ? s.services.join(', ') : 'None recorded'],
    ['Sole trader', yesNo(s.soleTrader)],
    ['Safeguards as a sole trader', textOrDash(s.safeguardsNote)],
    ['Works directly with clients', yesNo(s.worksWithClients)],
    ['Service area', textOrDash(s.serviceArea)],
    ['Acceptance criteria', textOrDash(s.acceptanceCriteria)],
    ['Evidence base (guideline or pathway)', textOrDash(s.evidenceBase)],
    ['CV or experience summary on file', yesNo(s.cvOnFile)],
    ['Safeguarding training or certification', s.safeguardingOn ? `Dated ${ukDate(s.safeguardingOn)}` : 'Not recorded'],
  ]);
}

function records(ctx: PackContext, s: SupplierSnapshot): FileChild[] {
  return [
    h2('Professional indemnity'),
    ...dataTable(
      ctx,
      [
        { title: 'Insurer', weight: 40 },
        { title: 'Cover', weight: 30 },
        { title: 'Expires', weight: 30 },
      ],
      s.indemnity.map((p): CellValue[] => [p.insurer, money(p.coverGBP), ukDate(p.expiresOn)]),
      { empty: 'No professional indemnity policy is recorded.' },
    ),
    h2('Qualifications and registrations'),
    ...dataTable(
      ctx,
      [
        { title: 'Professional body', weight: 60 },
        { title: 'Number', weight: 40 },
      ],
      s.qualifications.map((q): CellValue[] => [q.body, textOrDash(q.number)]),
      { empty: 'No qualification is recorded.' },
    ),
    h2('Regulatory compliance'),
    ...dataTable(
      ctx,
      [
        { title: 'Scheme or regulator', weight: 40 },
        { title: 'Reference', weight: 30 },
        { title: 'Expires', weight: 30 },
      ],
      s.regulatory.map((r): CellValue[] => [r.scheme, textOrDash(r.reference), dateOrDash(r.expiresOn)]),
      { empty: 'No regulatory registration is recorded.' },
    ),
    h2('Fitness-to-practise checks'),
    ...dataTable(
      ctx,
      [
        { title: 'Checked on', weight: 16 },
        { title: 'Register', weight: 26 },
        { title: 'Result', weight: 18 },
        { title: 'Note', weight: 40 },
      ],
      s.fitnessChecks.map((f): CellValue[] => [ukDate(f.checkedOn), f.register, f.result === 'clear' ? 'Clear' : 'Restriction found', textOrDash(f.note)]),
      { empty: 'No register check is recorded.' },
    ),
    h2('DBS'),
    ...dataTable(
      ctx,
      [
        { title: 'Level', weight: 24 },
        { title: 'Certificate number', weight: 20 },
        { title: 'Issued', weight: 14 },
        { title: 'On the Update Service', weight: 20 },
        { title: 'Last status check', weight: 22 },
      ],
      s.dbs.map((d): CellValue[] => [
        dbsLevelWord(d.level),
        textOrDash(d.certificateNumber),
        ukDate(d.issuedOn),
        yesNo(d.updateService),
        dateOrDash(d.lastStatusCheckOn),
      ]),
      { empty: 'No DBS certificate is recorded.' },
    ),
  ];
}

function decisions(ctx: PackContext, s: SupplierSnapshot): FileChild[] {
  const rows = [...s.decisions]
    .sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0))
    .map((d): CellValue[] => [decisionWord(d.decision), d.by, ukDate(d.on), dateOrDash(d.nextReviewOn), textOrDash(d.note)]);
  return [
    para('Every vetting decision recorded for the supplier, the most recent first.'),
    ...dataTable(
      ctx,
      [
        { title: 'Decision', weight: 20 },
        { title: 'By', weight: 20 },
        { title: 'On', weight: 13 },
        { title: 'Next review', weight: 13 },
        { title: 'Note', weight: 34 },
      ],
      rows,
      { empty: 'No vetting decision is recorded.' },
    ),
  ];
}
