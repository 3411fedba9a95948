// The Legal Panel evidence pack for one case manager: the MTSP Legal Panel checklist answered
// item by item from the compliance report, the records behind each answer, and the files.
import type { FileChild } from 'docx';
import type { RuleResult } from '../../contract/compliance';
import { differenceInMonths, parseISO } from 'date-fns';
import { anniversary, monthsBefore } from '../../contract/conventions';
import { ukDate } from '../../contract/dates';
import { type FirmSnapshot, PEER_REVIEW_AREAS, type StaffSnapshot } from '../../contract/model';
import { ruleTitle, rulesFor, type RuleId } from '../../contract/rules';
import { courseName, TRAINING_CATEGORY_NAMES, trainingCategories } from '../../contract/training';
import { staffCaseload } from '../compliance/caseload';
import { caseMixOf } from '../reports/mtsp';
import { AppError } from '../errors';
import { type Answer, answerFrom, overallAnswer, resultsFor } from './answers';
import { citeGroups, handoverPolicyFiles, staffEvidence } from './evidence';
import { exemptionsTable } from './exemptionsTable';
import { areaWord, dateOrDash, dbsLevelWord, employmentWord, hoursWord, money, plural, policyWord, textOrDash, yesNo } from './labels';
import {
  type CellValue,
  caseloadFigures,
  coverPage,
  dataTable,
  evidenceAppendix,
  h1,
  h2,
  keyValueTable,
  note,
  type PackContext,
  para,
  rulesTable,
  statusCell,
  statusLine,
} from './parts';
import { renderPack } from './render';
import { confidentialityNotice, setupPack } from './setup';
import type { ResolvedPackOptions, StaffPackInput } from './types';

interface ChecklistItem {
  /** The Legal Panel question, in Caseproof's words. */
  question: string;
  /** Heading of the detail section. */
  heading: string;
  answer: Answer;
  /** Evidence file refs the answer rests on, e.g. "E1 pi.png". */
  files: string;
  detail: FileChild[];
}

interface StaffView {
  ctx: PackContext;
  options: ResolvedPackOptions;
  snapshot: FirmSnapshot;
  staff: StaffSnapshot;
  asOf: string;
  results: RuleResult[];
  firmResults: RuleResult[];
}

/** Builds the Legal Panel evidence pack for the case manager `input.staffRef`, as a .docx file. */
export async function buildStaffPack(input: StaffPackInput): Promise<Uint8Array> {
  const { ctx, options } = setupPack(input);
  const staff = input.snapshot.staff.find((s) => s.ref === input.staffRef);
  if (!staff) throw new AppError('not-found', `No case manager with the reference "${input.staffRef}" was found.`, 'staffRef');
  const v: StaffView = {
    ctx,
    options,
    snapshot: input.snapshot,
    staff,
    asOf: input.asOf,
    results: resultsFor(input.report.staff, staff.ref),
    firmResults: input.report.firm.rules,
  };
  const evidence = staffEvidence(staff);
  const items = checklist(v, (groups) => citeGroups(evidence, groups));

  const children: FileChild[] = [
    ...coverPage(ctx, {
      title: 'Legal Panel evidence pack',
      subject: staff.name,
      subjectDetail: [staff.profession, staff.role].filter(Boolean).join(', ') || undefined,
      recipient: input.recipient,
      asOf: input.asOf,
      notice: confidentialityNotice(staff.name, input),
    }),
    ...summary(v, items),
    h1('2  The evidence behind each answer', { pageBreakBefore: true }),
  ];
  items.forEach((item, i) => {
    children.push(h2(`2.${i + 1}  ${item.heading}`), ...statusLine(item.answer), ...item.detail);
  });
  let section = 3;
  if (options.includeTraining) children.push(...training(v, section++));
  children.push(...ruleByRule(v, section));
  if (options.includeEvidenceAppendix) {
    children.push(...(await evidenceAppendix(ctx, evidence, input.readEvidence, options.embedImages, `${staff.name}'s records`)));
  }
  return renderPack(
    ctx.theme,
    {
      title: `Legal Panel evidence pack: ${staff.name}`,
      subject: `MTSP Legal Panel checklist evidence for ${staff.name}`,
      footerLabel: `Legal Panel evidence pack · ${staff.name} · as at ${ukDate(input.asOf)}`,
      asOf: input.asOf,
    },
    children,
  );
}

// ---------- summary ----------
/** The firm's results the checklist prints (the signatory and handover questions). */
function firmResultsShown(v: StaffView): RuleResult[] {
  const ids = new Set<RuleId>(STAFF_CHECKS.filter((c) => c.of === 'firm').flatMap((c) => c.rules));
  return v.firmResults.filter((r) => ids.has(r.rule));
}

/**
 * The Overall line covers every rule behind an answer printed under it: the case manager's
 * results and the firm's results that the checklist uses.
 */
export function staffOverall(v: Pick<StaffView, 'results' | 'firmResults' | 'staff'>): Answer {
  const firm = firmResultsShown(v as StaffView);
  return overallAnswer([...v.results, ...firm], `compliance rules checked for ${v.staff.name} and the firm`);
}

function summary(v: StaffView, items: ChecklistItem[]): FileChild[] {
  return [
    h1('1  Summary against the Legal Panel checklist', { pageBreakBefore: true }),
    para(
      `The MTSP Legal Panel checklist asks ten questions of a case-management provider. Each is answered below from ${v.staff.name}'s records ` +
        `and the firm's, as they stood on ${ukDate(v.asOf)}. Section 2 gives the records behind each answer; ` +
        'file references such as E1 point to the evidence files listed in the appendix.',
    ),
    ...statusLine(staffOverall(v)),
    ...dataTable(
      v.ctx,
      [
        { title: '#', weight: 4 },
        { title: 'Legal Panel question', weight: 30 },
        { title: 'Status', weight: 12 },
        { title: 'What the answer rests on', weight: 54 },
      ],
      items.map((item, i): CellValue[] => [
        String(i + 1),
        item.question,
        statusCell(item.answer),
        item.files ? [...item.answer.reasons, `Files: ${item.files}`] : item.answer.reasons,
      ]),
    ),
  ];
}

// ---------- the ten checklist items ----------
/** One Legal Panel question: the rules that answer it (the firm's or the case manager's) and the record groups it cites. */
export interface StaffCheck {
  key: 'signatory' | 'experience' | 'indemnity' | 'cpd' | 'caseload' | 'registration' | 'dbs' | 'peerReview' | 'sole' | 'handover';
  /** The Legal Panel question, in Caseproof's words. */
  question: string;
  /** Heading of the detail section. */
  heading: string;
  /** Whose compliance results answer it. */
  of: 'firm' | 'staff';
  rules: readonly RuleId[];
  /** Evidence record groups whose files the answer cites (see evidence.ts). */
  groups: readonly string[];
}

/** The MTSP Legal Panel checklist in the order the pack asks it. */
export const STAFF_CHECKS: readonly StaffCheck[] = [
  {
    key: 'signatory',
    question: 'Has the firm signed up to the MTSP Code of Conduct?',
    heading: 'Code of conduct signatory',
    of: 'firm',
    rules: ['ORG-CODE-SIGNATORY'],
    groups: [],
  },
  {
    key: 'experience',
    question: "Does the case manager's CV show at least two years of relevant case-management experience?",
    heading: 'Experience and qualification',
    of: 'staff',
    rules: ['STAFF-EXPERIENCE-CM', 'STAFF-EXPERIENCE-QUAL'],
    groups: [],
  },
  {
    key: 'indemnity',
    question: 'Is professional indemnity insurance of at least £5,000,000 in force?',
    heading: 'Professional indemnity insurance',
    of: 'staff',
    rules: ['STAFF-INDEMNITY'],
    groups: ['indemnity'],
  },
  {
    key: 'cpd',
    question: 'Is there a record of CPD over the last two years?',
    heading: 'Continuing professional development',
    of: 'staff',
    rules: ['STAFF-CPD-2Y'],
    groups: ['cpd'],
  },
  {
    key: 'caseload',
    question: 'How many open and active cases does the case manager carry now?',
    heading: 'Open and active cases',
    of: 'staff',
    rules: ['STAFF-CASELOAD'],
    groups: [],
  },
  {
    key: 'registration',
    question: 'Is the case manager a current member of their professional body?',
    heading: 'Professional body membership',
    of: 'staff',
    rules: ['STAFF-REGISTRATION'],
    groups: ['registrations'],
  },
  { key: 'dbs', question: 'Is there a current DBS certificate?', heading: 'DBS certificate', of: 'staff', rules: ['STAFF-DBS'], groups: ['dbs'] },
  {
    key: 'peerReview',
    question: 'How often is the case manager peer reviewed, and what does the review cover?',
    heading: 'Peer review',
    of: 'staff',
    rules: ['STAFF-PEER-REVIEW', 'STAFF-PEER-REVIEW-SCOPE'],
    groups: ['peerReviews'],
  },
  {
    key: 'sole',
    question: 'Is the case manager a sole practitioner, and if so what safeguards are in place?',
    heading: 'Sole practitioner',
    of: 'staff',
    rules: ['STAFF-SOLE-PRACTITIONER'],
    groups: [],
  },
  {
    key: 'handover',
    question: 'Does the firm have a documented process for handing a case over?',
    heading: 'Case handover process',
    of: 'firm',
    rules: ['ORG-POLICY-HANDOVER'],
    groups: [],
  },
];

/** The answer to one Legal Panel question from the case manager's and the firm's compliance results. */
export function staffCheckAnswer(check: StaffCheck, staffResults: readonly RuleResult[], firmResults: readonly RuleResult[]): Answer {
  return answerFrom(check.of === 'firm' ? firmResults : staffResults, check.rules);
}

const DETAIL: Record<StaffCheck['key'], (v: StaffView) => FileChild[]> = {
  signatory: (v) => signatory(v),
  experience: (v) => experience(v),
  indemnity: (v) => indemnity(v),
  cpd: (v) => cpd(v),
  caseload: (v) => caseload(v),
  registration: (v) => registrations(v),
  dbs: (v) => dbs(v),
  peerReview: (v) => peerReviews(v),
  sole: (v) => solePractitioner(v),
  handover: (v) => handover(v),
};

function checklist(v: StaffView, cite: (groups: string[]) => string): ChecklistItem[] {
  return STAFF_CHECKS.map((c) => ({
    question: c.question,
    heading: c.heading,
    answer: staffCheckAnswer(c, v.results, v.firmResults),
    files: c.groups.length ? cite([...c.groups]) : '',
    detail: DETAIL[c.key](v),
  }));
}

function signatory(v: StaffView): FileChild[] {
  const f = v.snapshot.firm;
  return [
    ...keyValueTable(v.ctx, [
      ['Firm', f.name],
      ['Recorded as a signatory', f.codeOfConductSignatory ? 'Yes' : 'No'],
      ['Signed for the firm by', textOrDash(f.settings.codeSignatory)],
      ['Date signed', f.settings.codeSignedOn ? ukDate(f.settings.codeSignedOn) : 'Not recorded'],
    ]),
    ...(f.codeOfConductSignatory && !f.settings.codeSignedOn
      ? [note('The firm has not recorded who signed the Code or when; it can add them in Settings.')]
      : []),
  ];
}

function since(from: string | undefined, asOf: string): string {
  if (!from) return 'Not recorded';
  const months = differenceInMonths(parseISO(asOf), parseISO(from));
  if (months < 0) return ukDate(from);
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const span = [years ? plural(years, 'year') : '', rest ? plural(rest, 'month') : ''].filter(Boolean).join(' ') || 'less than a month';
  return `${ukDate(from)} (${span} before ${ukDate(asOf)})`;
}

function experience(v: StaffView): FileChild[] {
  const s = v.staff;
  return [
    ...keyValueTable(v.ctx, [
      ['Profession', textOrDash(s.profession)],
      ['Role', textOrDash(s.role)],
      ['Employment', employmentWord(s.employment)],
      ['Providing case management since', since(s.caseManagementSince, v.asOf)],
      ['Qualified on', since(s.qualifiedOn, v.asOf)],
    ]),
    note("These dates are the firm's record of the case manager's career; their full CV is available from the firm on request."),
  ];
}

function indemnity(v: StaffView): FileChild[] {
  const rows = [...v.staff.indemnity]
    .sort((a, b) => (a.expiresOn < b.expiresOn ? 1 : a.expiresOn > b.expiresOn ? -1 : 0))
    .map((p): CellValue[] => [
      p.insurer,
      textOrDash(p.policyNumber),
      money(p.coverGBP),
      dateOrDash(p.startsOn),
      dateOrDash(p.expiresOn),
      p.heldBy === 'self' ? 'The case manager' : 'The employer',
    ]);
  return dataTable(
    v.ctx,
    [
      { title: 'Insurer', weight: 20 },
      { title: 'Policy number', weight: 17 },
      { title: 'Cover', weight: 16 },
      { title: 'Starts', weight: 13 },
      { title: 'Expires', weight: 13 },
      { title: 'Held by', weight: 21 },
    ],
    rows,
    { empty: 'No professional indemnity policy is recorded.' },
  );
}

/** CPD in the two years up to the as-of date: after the day two years before, and not after as-of. */
export function cpdInWindow(staff: StaffSnapshot, asOf: string): StaffSnapshot['cpd'] {
  const from = monthsBefore(asOf, 24);
  return staff.cpd.filter((e) => e.date > from && e.date <= asOf).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.topic.localeCompare(b.topic)));
}

function cpd(v: StaffView): FileChild[] {
  const entries = cpdInWindow(v.staff, v.asOf);
  const from = monthsBefore(v.asOf, 24);
  if (entries.length === 0) return [note(`No CPD is recorded between ${ukDate(from)} and ${ukDate(v.asOf)}.`)];
  const total = entries.reduce((n, e) => n + (e.hours ?? 0), 0);
  const unrecorded = entries.filter((e) => e.hours === undefined).length;
  const reflections = v.options.includeReflections;
  const columns = [
    { title: 'Date', weight: 11 },
    { title: 'Topic', weight: reflections ? 25 : 45 },
    { title: 'Provider', weight: reflections ? 16 : 30 },
    { title: 'Hours', weight: 8 },
    ...(reflections ? [{ title: 'Reflection', weight: 40 }] : []),
  ];
  const rows = entries.map((e): CellValue[] => [
    ukDate(e.date),
    e.category ? [e.topic, `Category: ${e.category}`] : e.topic,
    e.provider,
    e.hours === undefined ? '—' : hoursWord(e.hours),
    ...(reflections ? [textOrDash(e.reflection)] : []),
  ]);
  const older = v.staff.cpd.filter((e) => e.date <= from).length;
  return [
    para(
      `${plural(entries.length, 'CPD activity', 'CPD activities')} between ${ukDate(from)} and ${ukDate(v.asOf)}, ` +
        `totalling ${hoursWord(total)} hours` +
        (unrecorded ? ` (${plural(unrecorded, 'activity has', 'activities have')} no hours recorded).` : '.'),
    ),
    ...dataTable(v.ctx, columns, rows),
    para(`Total hours: ${hoursWord(total)}`, { bold: true }),
    ...(older ? [note(`${plural(older, 'older activity', 'older activities')} recorded before ${ukDate(from)} ${older === 1 ? 'is' : 'are'} left out.`)] : []),
  ];
}

function caseload(v: StaffView): FileChild[] {
  if (!v.options.includeCaseload) {
    return [note('The firm has left the caseload figures out of this pack. The status above still takes them into account.'), ...complexityTable(v)];
  }
  return [
    ...caseloadFigures(v.ctx, staffCaseload(v.staff, v.snapshot.cases, v.asOf), v.snapshot.firm.settings.caseloadPerDayMax),
    note(
      v.staff.outsideCaseload?.length
        ? 'The figures count the cases the case manager holds with this firm on the date shown and, as they told the firm, those they hold elsewhere; open cases are those active or being monitored.'
        : 'The figures count the cases the case manager holds with this firm on the date shown; open cases are those active or being monitored.',
    ),
    para(complexityLine(v), { keepNext: false }),
    ...complexityTable(v),
  ];
}

const COMPLEXITY_ROWS: [string, string][] = [
  ['high', 'High'],
  ['medium', 'Medium'],
  ['low', 'Low'],
  ['not recorded', 'Complexity not recorded'],
];

/** MTSP Practitioner D as evidence: the cases managed in the last two years, by complexity, as a table. */
function complexityTable(v: StaffView): FileChild[] {
  const m = caseMixOf(v.snapshot.cases, v.staff.ref, v.asOf);
  const known = new Set(COMPLEXITY_ROWS.map(([k]) => k));
  const rows = [
    ...COMPLEXITY_ROWS,
    ...Object.keys(m.byComplexity)
      .filter((k) => !known.has(k))
      .map((k): [string, string] => [k, k]),
  ];
  return dataTable(
    v.ctx,
    [
      { title: `Complexity of the cases managed, ${ukDate(m.from)} to ${ukDate(m.asOf)}`, weight: 70 },
      { title: 'Cases', weight: 30 },
    ],
    [...rows.map(([k, word]): CellValue[] => [word, String(m.byComplexity[k] ?? 0)]), ['All cases', String(m.total)]],
  );
}

/** MTSP Practitioner D: the cases of each complexity managed in the last two years. */
function complexityLine(v: StaffView): string {
  const m = caseMixOf(v.snapshot.cases, v.staff.ref, v.asOf);
  const words: Record<string, string> = { low: 'low', medium: 'medium', high: 'high', 'not recorded': 'complexity not recorded' };
  const parts = Object.entries(m.byComplexity).map(([k, n]) => `${n} ${words[k] ?? k}`);
  return `Cases managed from ${ukDate(m.from)} to ${ukDate(m.asOf)} (MTSP Practitioner D): ${m.total === 0 ? 'none' : `${m.total} (${parts.join(', ')})`}.`;
}

function registrations(v: StaffView): FileChild[] {
  return dataTable(
    v.ctx,
    [
      { title: 'Professional body', weight: 22 },
      { title: 'Number', weight: 16 },
      { title: 'Expires', weight: 13 },
      { title: 'Last checked on the register', weight: 17 },
      { title: 'Restriction', weight: 32 },
    ],
    v.staff.registrations.map((r): CellValue[] => [
      r.body,
      r.number,
      dateOrDash(r.expiresOn),
      dateOrDash(r.lastCheckedOn),
      r.restriction?.trim() ? r.restriction : 'None recorded',
    ]),
    { empty: 'No professional registration is recorded.' },
  );
}

function dbs(v: StaffView): FileChild[] {
  return dataTable(
    v.ctx,
    [
      { title: 'Level', weight: 20 },
      { title: 'Certificate number', weight: 18 },
      { title: 'Issued', weight: 12 },
      { title: 'On the Update Service', weight: 16 },
      { title: 'Last status check', weight: 16 },
      { title: 'Original seen by', weight: 18 },
    ],
    [...v.staff.dbs]
      .sort((a, b) => (a.issuedOn < b.issuedOn ? 1 : a.issuedOn > b.issuedOn ? -1 : 0))
      .map((d): CellValue[] => [
        dbsLevelWord(d.level),
        textOrDash(d.certificateNumber),
        ukDate(d.issuedOn),
        yesNo(d.updateService),
        dateOrDash(d.lastStatusCheckOn),
        textOrDash(d.checkedBy),
      ]),
    { empty: 'No DBS certificate is recorded.' },
  );
}

function peerReviews(v: StaffView): FileChild[] {
  const reviews = [...v.staff.peerReviews].filter((r) => r.date <= v.asOf).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const yearAgo = monthsBefore(v.asOf, 12);
  const lastYear = reviews.filter((r) => r.date > yearAgo).length;
  const out: FileChild[] = [];
  if (reviews.length) {
    out.push(
      para(
        `${plural(lastYear, 'peer review')} in the 12 months to ${ukDate(v.asOf)}; the most recent on ${ukDate(reviews[0].date)} by ${reviews[0].reviewer}.`,
      ),
    );
  }
  out.push(
    ...peerReviewYear(
      v,
      reviews.filter((r) => r.date > yearAgo),
    ),
  );
  out.push(
    ...dataTable(
      v.ctx,
      [
        { title: 'Date', weight: 13 },
        { title: 'Reviewer', weight: 25 },
        { title: 'Cases reviewed', weight: 14 },
        { title: 'What was reviewed', weight: 48 },
      ],
      reviews.map((r): CellValue[] => [
        ukDate(r.date),
        r.reviewer,
        r.casesReviewed === undefined ? '—' : String(r.casesReviewed),
        r.areas?.length ? capitalise(r.areas.map(areaWord).join(', ')) : 'Not recorded',
      ]),
      { empty: 'No peer review is recorded.' },
    ),
  );
  return out;
}

/** Frequency and scope over the year: when, how far apart, by whom, how many cases, which areas were and were not covered. */
function peerReviewYear(v: StaffView, year: StaffSnapshot['peerReviews']): FileChild[] {
  if (!year.length) return [];
  const dates = year.map((r) => r.date).sort();
  const gaps = dates.slice(1).map((d, i) => differenceInMonths(parseISO(d), parseISO(dates[i]!)));
  const frequency =
    dates.length === 1
      ? 'Once in the year'
      : `${plural(dates.length, 'time')} in the year, on average every ${Math.max(1, Math.round(gaps.reduce((a, b) => a + b, 0) / gaps.length))} months`;
  const covered = new Set(year.flatMap((r) => r.areas ?? []));
  const missing = PEER_REVIEW_AREAS.filter((a) => !covered.has(a));
  const cases = year.reduce((n, r) => n + (r.casesReviewed ?? 0), 0);
  return keyValueTable(v.ctx, [
    ['How often, over the 12 months', `${frequency} (${dates.map((d) => ukDate(d)).join(', ')})`],
    ['Reviewed by', [...new Set(year.map((r) => r.reviewer))].join(', ')],
    ['Cases reviewed over the year', year.some((r) => r.casesReviewed !== undefined) ? String(cases) : 'Not recorded'],
    [
      'Areas covered over the year',
      covered.size
        ? capitalise(
            PEER_REVIEW_AREAS.filter((a) => covered.has(a))
              .map(areaWord)
              .join(', '),
          )
        : 'Not recorded',
    ],
    ['Areas not covered', missing.length ? capitalise(missing.map(areaWord).join(', ')) : 'None: every area was reviewed'],
  ]);
}

function solePractitioner(v: StaffView): FileChild[] {
  const s = v.staff;
  return keyValueTable(v.ctx, [
    ['Works as a sole practitioner', yesNo(s.solePractitioner)],
    ['Employment', employmentWord(s.employment)],
    ['Safeguards when working alone', s.soleWorkingSafeguards?.trim() ? s.soleWorkingSafeguards : 'None recorded'],
  ]);
}

function handover(v: StaffView): FileChild[] {
  const policies = v.snapshot.firm.policies.filter((p) => p.kind === 'handover');
  const names = new Map(v.snapshot.staff.map((s) => [s.ref, s.name]));
  const from = monthsBefore(v.asOf, 24);
  const moves = v.snapshot.cases
    .flatMap((c) => c.handovers ?? [])
    .filter((h) => (h.fromRef === v.staff.ref || h.toRef === v.staff.ref) && h.on > from && h.on <= v.asOf)
    .sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0));
  return [
    ...dataTable(
      v.ctx,
      [
        { title: 'Policy', weight: 40 },
        { title: 'Covers', weight: 30 },
        { title: 'Last reviewed', weight: 15 },
        { title: 'Review due', weight: 15 },
      ],
      policies.map((p): CellValue[] => [p.title, policyWord(p.kind), ukDate(p.reviewedOn), ukDate(anniversary(p.reviewedOn, 12))]),
      { empty: 'The firm has no case handover policy on record.' },
    ),
    ...handoverDocuments(v),
    ...(moves.length
      ? [
          para(`Handovers involving ${v.staff.name} in the last two years:`, { keepNext: true }),
          ...dataTable(
            v.ctx,
            [
              { title: 'Date', weight: 13 },
              { title: 'Handover', weight: 30 },
              { title: 'Joint working', weight: 15 },
              { title: 'Client told', weight: 12 },
              { title: 'Reason', weight: 30 },
            ],
            moves.map((h): CellValue[] => [
              ukDate(h.on),
              h.fromRef === v.staff.ref ? `Handed to ${names.get(h.toRef) ?? h.toRef}` : `Taken over from ${names.get(h.fromRef) ?? h.fromRef}`,
              h.jointWorkingDays === undefined ? 'Not recorded' : plural(h.jointWorkingDays, 'day'),
              h.clientInformed ? 'Yes' : 'No',
              h.reason,
            ]),
          ),
        ]
      : []),
  ];
}

/** The handover policy's own document: name, date added and SHA-256, numbered as the evidence annex carries it. */
function handoverDocuments(v: StaffView): FileChild[] {
  const files = handoverPolicyFiles(v.snapshot.firm);
  if (!files.length)
    return v.snapshot.firm.policies.some((p) => p.kind === 'handover') ? [note('No document of the handover policy is held in Caseproof.')] : [];
  return [
    para('The policy document, as held by the firm (the evidence annex, when sent with this pack, carries it under the same number):', { keepNext: true }),
    ...dataTable(
      v.ctx,
      [
        { title: '#', weight: 6 },
        { title: 'Document', weight: 30 },
        { title: 'Added', weight: 12 },
        { title: 'SHA-256 fingerprint', weight: 52 },
      ],
      files.map((e): CellValue[] => [e.ref, e.meta.name, ukDate(e.meta.addedOn.slice(0, 10)), e.meta.sha256]),
    ),
  ];
}

// ---------- training ----------
const TRAINING_RULE_IDS: readonly RuleId[] = ['STAFF-TRAINING-SAFEGUARDING', 'STAFF-TRAINING-MCA', 'STAFF-TRAINING-INFOSEC'];

function training(v: StaffView, n: number): FileChild[] {
  return [
    h1(`${n}  Mandatory training`),
    ...dataTable(
      v.ctx,
      [
        { title: 'Training', weight: 30 },
        { title: 'Status', weight: 14 },
        { title: 'Reason', weight: 56 },
      ],
      TRAINING_RULE_IDS.map((id): CellValue[] => {
        const a = answerFrom(v.results, [id]);
        return [ruleTitle(id), statusCell(a), a.reasons];
      }),
    ),
    ...dataTable(
      v.ctx,
      [
        { title: 'Course', weight: 30 },
        { title: 'Counts as', weight: 22 },
        { title: 'Completed', weight: 13 },
        { title: 'Provider', weight: 23 },
        { title: 'Level', weight: 12 },
      ],
      [...v.staff.training]
        .sort((a, b) => (a.completedOn < b.completedOn ? 1 : a.completedOn > b.completedOn ? -1 : 0))
        .map((t): CellValue[] => {
          const counts = trainingCategories(t).map((c) => TRAINING_CATEGORY_NAMES[c]);
          return [
            courseName(t),
            counts.length ? counts.join(', ') : 'No mandatory training',
            ukDate(t.completedOn),
            textOrDash(t.provider),
            textOrDash(t.level),
          ];
        }),
      { empty: 'No training is recorded.' },
    ),
  ];
}

// ---------- rule by rule ----------
function ruleByRule(v: StaffView, n: number): FileChild[] {
  const order = rulesFor('staff').map((r) => r.id);
  const sorted = [...v.results].sort((a, b) => rank(order, a.rule) - rank(order, b.rule));
  const firm = v.firmResults.filter((r) => r.rule === 'ORG-CODE-SIGNATORY' || r.rule === 'ORG-POLICY-HANDOVER');
  const out: FileChild[] = [
    h1(`${n}  Compliance rule by rule`),
    para(
      `Caseproof checks ${v.staff.name}'s records against each rule below, drawn from the MTSP Code of Conduct and the case-management Code of Ethics. ` +
        'The last two rows are checks on the firm that the Legal Panel checklist asks about.',
    ),
    ...rulesTable(v.ctx, [...sorted, ...firm]),
  ];
  if (v.staff.exemptions.length) out.push(...exemptionsTable(v.ctx, v.staff.exemptions, 'staff', v.asOf));
  return out;
}

const rank = (order: readonly string[], id: string) => {
  const i = order.indexOf(id);
  return i === -1 ? order.length : i;
};
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
