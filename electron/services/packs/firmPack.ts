// The organisation pack: the firm's answers to MTSP Organisation A-L and Governance D-E, its
// policies, a line for each case manager and supplier, and the firm-wide caseload.
import type { FileChild } from 'docx';
import { type ComplianceReport, type RuleResult, type RuleStatus, STATUS_WORDS, overallStatus, statusCounts } from '../../contract/compliance';
import { anniversary } from '../../contract/conventions';
import { ukDate } from '../../contract/dates';
import { POLICY_KINDS, type FirmSnapshot } from '../../contract/model';
import { POLICY_RULE, ruleTitle, type RuleId } from '../../contract/rules';
import { casesByManagerOn, firmCaseload, staffCaseload } from '../compliance/caseload';
import { type Answer, answerAcross, answerFrom, answerOf, mostSevere, noEvidenceAnswer, resultsByRef } from './answers';
import { firmEvidence } from './evidence';
import { hoursWord, plural, policyWord, textOrDash } from './labels';
import {
  type CellValue,
  caseloadFigures,
  coverPage,
  dataTable,
  evidenceAppendix,
  h1,
  note,
  type PackContext,
  para,
  rulesTable,
  statusCell,
  statusLine,
} from './parts';
import { renderPack } from './render';
import { governanceABreaches, journeyFigures } from './journeyPart';
import { confidentialityNotice, setupPack } from './setup';
import type { FirmPackInput } from './types';

/** How an item of the code is evidenced: firm rules, rules across case managers or suppliers, or nothing yet. */
export interface ItemSource {
  firm?: RuleId[];
  staff?: RuleId[];
  suppliers?: RuleId[];
  /** Said plainly when no rule covers the item. */
  noEvidence?: string;
}
export interface CodeItem {
  item: string;
  asks: string;
  source: ItemSource;
}

/** MTSP Organisation A-L, in Caseproof's words, and how each is evidenced. */
export const ORGANISATION_ITEMS: readonly CodeItem[] = [
  {
    item: 'A',
    asks: 'Every case manager holds professional indemnity of at least £5,000,000, personally or through their employer.',
    source: { staff: ['STAFF-INDEMNITY'] },
  },
  {
    item: 'B',
    asks: 'Qualifications and employment history are checked before a practitioner is taken on.',
    source: { staff: ['STAFF-EXPERIENCE-CM', 'STAFF-EXPERIENCE-QUAL'] },
  },
  {
    item: 'C',
    asks: 'Case managers keep a two-year CPD record, including mental capacity, safeguarding and information security.',
    source: { staff: ['STAFF-CPD-2Y', 'STAFF-TRAINING-MCA', 'STAFF-TRAINING-SAFEGUARDING', 'STAFF-TRAINING-INFOSEC'] },
  },
  {
    item: 'D',
    asks: 'Case managers are peer reviewed on their decisions, interventions, communication and goal setting, and the reviews are recorded.',
    source: { staff: ['STAFF-PEER-REVIEW', 'STAFF-PEER-REVIEW-SCOPE'] },
  },
  {
    item: 'E',
    asks: 'Staff and the providers commissioned for a client are paid promptly and at fair market rates.',
    source: { firm: ['ORG-SUPPLIERS-PAID'] },
  },
  {
    item: 'F',
    asks: 'Sole practitioners are avoided where possible, and where used the safeguards are recorded.',
    source: { staff: ['STAFF-SOLE-PRACTITIONER'], suppliers: ['SUP-SOLE-PRACTITIONER'] },
  },
  {
    item: 'G',
    asks: "Each case manager's caseload is monitored and its make-up is shared with those who buy the service.",
    source: { staff: ['STAFF-CASELOAD'] },
  },
  {
    item: 'H',
    asks: 'Anyone working with vulnerable adults or children has a DBS check and safeguarding training, with dates recorded.',
    source: { staff: ['STAFF-DBS', 'STAFF-TRAINING-SAFEGUARDING'], suppliers: ['SUP-DBS'] },
  },
  {
    item: 'I',
    asks: 'There is a written process for handing a case over when the case manager changes or is away for a long time.',
    source: { firm: ['ORG-POLICY-HANDOVER'] },
  },
  {
    item: 'J',
    asks: 'The quality of case managers, client outcomes and feedback are monitored and used for learning.',
    source: { firm: ['ORG-OUTCOMES'] },
  },
  {
    item: 'K',
    asks: 'Staff have a confidential whistleblowing route, and clients can complain or give feedback without going through their case manager.',
    source: { firm: ['ORG-POLICY-WHISTLEBLOWING', 'ORG-POLICY-COMPLAINTS'] },
  },
  {
    item: 'L',
    asks: 'Information and data are kept secure, in line with data protection law and good practice.',
    source: { firm: ['ORG-POLICY-INFOSEC'], staff: ['STAFF-TRAINING-INFOSEC'] },
  },
];

/** MTSP Governance D and E, the items about the firm itself. */
export const GOVERNANCE_ITEMS: readonly CodeItem[] = [
  {
    item: 'D',
    asks: 'Staff who work alone are protected by a lone-working process they understand.',
    source: { firm: ['ORG-POLICY-LONE-WORKING'], staff: ['STAFF-POLICY-ACK'] },
  },
  {
    item: 'E',
    asks: "All staff understand the firm's whistleblowing process and know when and how to use it.",
    source: { firm: ['ORG-POLICY-WHISTLEBLOWING'], staff: ['STAFF-POLICY-ACK'] },
  },
];

interface FirmView {
  ctx: PackContext;
  snapshot: FirmSnapshot;
  asOf: string;
  firmResults: RuleResult[];
  staff: { ref: string; name: string; results: RuleResult[] }[];
  suppliers: { ref: string; name: string; results: RuleResult[] }[];
}

/** Builds the organisation pack for the firm, as a .docx file. */
export async function buildFirmPack(input: FirmPackInput): Promise<Uint8Array> {
  const { ctx, options } = setupPack(input);
  const { snapshot, report } = input;
  const v: FirmView = { ctx, snapshot, asOf: input.asOf, ...codeResults(snapshot, report) };
  const firmName = snapshot.firm.name;
  const staffByRef = new Map(snapshot.staff.map((s) => [s.ref, s]));
  const supplierByRef = new Map(snapshot.suppliers.map((s) => [s.ref, s]));
  let n = 1;
  const children: FileChild[] = [
    ...coverPage(ctx, {
      title: 'Organisation compliance pack',
      subject: firmName,
      subjectDetail: 'MTSP Code of Conduct: the organisation and its governance',
      recipient: input.recipient,
      asOf: input.asOf,
      notice: confidentialityNotice(`${firmName}, its staff and its suppliers`, input),
    }),
    h1(`${n++}  The Organisation: MTSP items A to L`, { pageBreakBefore: true }),
    para(
      `Each item of the Organisation part of the MTSP Code of Conduct is answered below from the firm's records as they stood on ${ukDate(input.asOf)}. ` +
        'Where an item is checked for every case manager or supplier, the line counts how many meet it and names anyone who does not.',
    ),
    ...statusLine(codeOverall(v)),
    ...codeTable(v, ORGANISATION_ITEMS),
    h1(`${n++}  Governance: MTSP items D and E`),
    ...codeTable(v, GOVERNANCE_ITEMS),
    h1(`${n++}  Spend, outcomes and feedback: Organisation E and J`),
    ...journeyFigures(ctx, snapshot, input.asOf),
    h1(`${n++}  Instructions that broke Governance A`),
    ...governanceABreaches(ctx, snapshot, input.asOf),
    h1(`${n++}  Policies`),
    ...policies(v),
    h1(`${n++}  Case managers`, { pageBreakBefore: true }),
    ...people(v, v.staff, 'case manager', (ref) => staffByRef.get(ref)?.profession),
    h1(`${n++}  Suppliers`),
    ...people(v, v.suppliers, 'supplier', (ref) => supplierByRef.get(ref)?.services.join(', ')),
  ];
  if (options.includeCaseload) children.push(h1(`${n++}  Caseload across the firm`), ...caseload(v));
  children.push(h1(`${n}  The firm's own compliance rules`), ...rulesTable(ctx, v.firmResults));
  if (options.includeEvidenceAppendix) {
    children.push(...(await evidenceAppendix(ctx, firmEvidence(snapshot.firm), input.readEvidence, options.embedImages, "the firm's policies")));
  }
  return renderPack(
    ctx.theme,
    {
      title: `Organisation compliance pack: ${firmName}`,
      subject: `MTSP Code of Conduct: organisation and governance evidence for ${firmName}`,
      footerLabel: `Organisation compliance pack · as at ${ukDate(input.asOf)}`,
      asOf: input.asOf,
    },
    children,
  );
}

/** What answering an item needs: the firm's results and each case manager's and supplier's. */
export type CodeResults = Pick<FirmView, 'firmResults' | 'staff' | 'suppliers'>;

/** The firm's, each case manager's and each supplier's results from a compliance report. */
export function codeResults(snapshot: FirmSnapshot, report: ComplianceReport): CodeResults {
  // Looked up by ref, not searched for: 2,000 suppliers each searched for among 2,000 is 4 million comparisons.
  const staffResults = resultsByRef(report.staff);
  const supplierResults = resultsByRef(report.suppliers);
  return {
    firmResults: report.firm.rules,
    staff: snapshot.staff.map((s) => ({ ref: s.ref, name: s.name, results: staffResults(s.ref) })),
    suppliers: snapshot.suppliers.map((s) => ({ ref: s.ref, name: s.name, results: supplierResults(s.ref) })),
  };
}

/** The answer to one Organisation or Governance item. */
export function codeItemAnswer(v: CodeResults, item: CodeItem): Answer {
  return answerFor(v, item.source);
}

function answerFor(v: CodeResults, source: ItemSource): Answer {
  if (source.noEvidence) return noEvidenceAnswer(source.noEvidence);
  const parts: Answer[] = [];
  if (source.firm) parts.push(answerFrom(v.firmResults, source.firm));
  const titled = (ids: RuleId[]) => ids.map((id) => ({ id, name: ruleTitle(id) }));
  if (source.staff) parts.push(answerAcross(v.staff, titled(source.staff), 'case manager'));
  if (source.suppliers) parts.push(answerAcross(v.suppliers, titled(source.suppliers), 'supplier'));
  if (parts.length === 1) return parts[0];
  const status = mostSevere(parts.flatMap((p) => (p.status === null ? [] : [p.status])));
  const reasons = parts.flatMap((p) => p.reasons);
  return status === null ? { ...parts[0], reasons } : { ...answerOf(status), reasons };
}

/**
 * The overall answer across every Organisation and Governance item printed under it: the
 * overall status of the items' answers (exempt and not applicable count as met, as for a
 * subject), where an item with no result at all counts as not met (unrecorded is not
 * compliant), and the count of each answer, a "met" count never including an exemption.
 */
export function codeOverall(v: CodeResults): Answer {
  const all = [...ORGANISATION_ITEMS, ...GOVERNANCE_ITEMS].map((i) => answerFor(v, i.source));
  const statuses: { status: RuleStatus }[] = all.map((a) => ({ status: a.status ?? 'not_met' }));
  const status = overallStatus(statuses);
  const c = statusCounts(all.flatMap((a) => (a.status === null ? [] : [{ status: a.status }])));
  const none = all.filter((a) => a.status === null).length;
  const bits = [
    c.met ? `${c.met} met` : '',
    c.not_met ? `${c.not_met} not met` : '',
    c.due_soon ? `${c.due_soon} due soon` : '',
    c.exempt ? `${c.exempt} exempt for someone (not met)` : '',
    c.not_applicable ? `${c.not_applicable} not applicable` : '',
    none ? `${none} with no evidence held in Caseproof` : '',
  ].filter(Boolean);
  return {
    ...answerOf(status),
    word: `Overall: ${STATUS_WORDS[status]}`,
    reasons: [`Of the ${all.length} items below: ${bits.join(', ')}.`],
  };
}

function codeTable(v: FirmView, items: readonly CodeItem[]): FileChild[] {
  return dataTable(
    v.ctx,
    [
      { title: 'Item', weight: 6 },
      { title: 'What the code asks', weight: 32 },
      { title: 'Status', weight: 13 },
      { title: 'How it is evidenced', weight: 49 },
    ],
    items.map((i): CellValue[] => {
      const a = answerFor(v, i.source);
      return [i.item, i.asks, statusCell(a), a.reasons];
    }),
  );
}

function policies(v: FirmView): FileChild[] {
  const rows: CellValue[][] = [];
  for (const kind of POLICY_KINDS) {
    const a = answerFrom(v.firmResults, [POLICY_RULE[kind]]);
    const held = v.snapshot.firm.policies
      .filter((p) => p.kind === kind)
      .sort((x, y) => (x.reviewedOn < y.reviewedOn ? 1 : x.reviewedOn > y.reviewedOn ? -1 : 0));
    if (held.length === 0) rows.push([policyWord(kind), { lines: ['No policy recorded'], muted: true }, '—', '—', statusCell(a)]);
    for (const p of held) {
      rows.push([policyWord(kind), p.title, ukDate(p.reviewedOn), ukDate(anniversary(p.reviewedOn, 12)), statusCell(a)]);
    }
  }
  return [
    para('Each policy should be reviewed at least once a year; the review due date is a year after the last review.'),
    ...dataTable(
      v.ctx,
      [
        { title: 'Area', weight: 26 },
        { title: 'Policy', weight: 30 },
        { title: 'Last reviewed', weight: 15 },
        { title: 'Review due', weight: 15 },
        { title: 'Status', weight: 14 },
      ],
      rows,
    ),
  ];
}

function people(v: FirmView, list: FirmView['staff'], noun: string, detail: (ref: string) => string | undefined): FileChild[] {
  const rows = list.map((p): CellValue[] => {
    const c = statusCounts(p.results);
    return [p.name, textOrDash(detail(p.ref)), statusCell(answerOf(overallStatus(p.results))), String(c.not_met), String(c.due_soon), String(c.exempt)];
  });
  return [
    para(
      `One line for each ${noun}: the overall status is the most serious of their rules. ` +
        (noun === 'case manager'
          ? 'Each case manager has a Legal Panel evidence pack with the detail.'
          : 'Each supplier has a vetting report with the detail.'),
    ),
    ...dataTable(
      v.ctx,
      [
        { title: 'Name', weight: 24 },
        { title: noun === 'case manager' ? 'Profession' : 'Services', weight: 24 },
        { title: 'Overall status', weight: 16 },
        { title: 'Rules not met', weight: 12 },
        { title: 'Rules due soon', weight: 12 },
        { title: 'Rules exempt', weight: 12 },
      ],
      rows,
      { empty: `No ${noun}s are recorded.` },
    ),
  ];
}

function caseload(v: FirmView): FileChild[] {
  const limit = v.snapshot.firm.settings.caseloadPerDayMax;
  const byManager = casesByManagerOn(v.snapshot.cases, v.asOf);
  const perManager = v.snapshot.staff.map((s): CellValue[] => {
    const f = staffCaseload(s, byManager.get(s.ref) ?? [], v.asOf);
    return [
      s.name,
      String(f.openActive),
      String(f.monitoring),
      f.daysPerWeek === null ? 'Not recorded' : hoursWord(f.daysPerWeek),
      f.perWorkingDay === null ? '—' : hoursWord(f.perWorkingDay),
    ];
  });
  return [
    ...caseloadFigures(v.ctx, firmCaseload(v.snapshot, v.asOf), limit),
    note(
      v.snapshot.staff.some((s) => s.daysPerWeek === undefined)
        ? 'Working days are the total for the firm only when every case manager has theirs recorded, so the firm-wide figure per working day is left blank.'
        : "Working days are the total of every case manager's days a week.",
    ),
    para(`Each case manager's share (${plural(v.snapshot.staff.length, 'case manager')}):`, { keepNext: true }),
    ...dataTable(
      v.ctx,
      [
        { title: 'Case manager', weight: 32 },
        { title: 'Open and active', weight: 17 },
        { title: 'Monitoring', weight: 17 },
        { title: 'Days a week', weight: 17 },
        { title: 'Per working day', weight: 17 },
      ],
      perManager,
      { empty: 'No case managers are recorded.' },
    ),
  ];
}
