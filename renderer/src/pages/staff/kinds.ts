// What each kind of evidence record looks like in the UI: its fields (validated with the
// kind's zod schema from model.ts), a heading and the facts shown on its card. Each kind's
// field names and card are checked against its record's type.
import type { DeepPartialSkipArrayKey, DefaultValues, FieldValues, Path } from 'react-hook-form';
import type { z } from 'zod';
import { DBS_LEVELS, PEER_REVIEW_AREAS, POLICY_KINDS, RECORD_KINDS, type RecordKind, type RecordPayload } from '../../../../electron/contract/model';
import { POLICY_NAMES } from '../../../../electron/contract/rules';
import { courseName, TRAINING_CATEGORY_NAMES } from '../../../../electron/contract/training';
import { pounds, ukDate } from '../../format';

type Options = readonly (readonly [string, string])[];
export type FieldSpec<T extends FieldValues> = {
  name: Path<T>;
  label: string;
  hint?: string;
  required?: boolean;
  /** Shown only when this says so, from the values as typed so far. */
  showIf?: (v: DeepPartialSkipArrayKey<T>) => boolean;
} & (
  | { kind: 'text' | 'textarea' | 'date' | 'check' }
  | { kind: 'number' | 'money'; step?: number }
  | { kind: 'select'; options: Options; blank?: string }
  | { kind: 'areas'; options: Options }
  | { kind: 'trainingKind' }
);

export interface KindSpec<K extends RecordKind> {
  kind: K;
  /** The contract's schema for this kind (from RECORD_KINDS, the one list of kinds). */
  schema: z.ZodType<RecordPayload<K>, RecordPayload<K>>;
  /** "indemnity policy": used in "Add an indemnity policy". */
  noun: string;
  article: 'a' | 'an';
  intro: string;
  fields: FieldSpec<RecordPayload<K>>[];
  heading(r: RecordPayload<K>): string;
  facts(r: RecordPayload<K>): [string, string][];
  /** The date records are listed by, newest first. */
  dateOf(r: RecordPayload<K>): string;
  /** Starting values for a new record. */
  start?: () => DefaultValues<RecordPayload<K>>;
  /** What "Save and add another" keeps for the next record (the same provider, body, reviewer…). */
  keep?: Path<RecordPayload<K>>[];
}

export const DBS_LEVEL_WORDS: Record<string, string> = {
  basic: 'Basic',
  standard: 'Standard',
  enhanced: 'Enhanced',
  'enhanced-barred': 'Enhanced with barred lists',
};
/** Each training category's one name (contract/training.ts), the same in the packs. */
export const TRAINING_WORDS: Record<string, string> = TRAINING_CATEGORY_NAMES;
export const AREA_WORDS: Record<string, string> = {
  'decision-making': 'Decision making',
  interventions: 'Interventions',
  communications: 'Communications',
  'goal-setting': 'Goal setting',
};
/** Each policy's one name (contract/rules.ts), the same in the packs. */
export const POLICY_WORDS: Record<string, string> = POLICY_NAMES;

const s = (v: unknown) => (typeof v === 'string' ? v : '');
const opt = (label: string, v: string | undefined | null): [string, string][] => (v ? [[label, v]] : []);
export const trainingWord = (k: string) => TRAINING_WORDS[k.trim().toLowerCase()] ?? k;

const dbs: KindSpec<'dbs'> = {
  kind: 'dbs',
  schema: RECORD_KINDS.dbs.schema,
  noun: 'DBS check',
  article: 'a',
  intro: 'Only an enhanced certificate counts: issued in the last three years, or on the Update Service with a status check in the last year.',
  fields: [
    {
      name: 'level',
      label: 'Level',
      kind: 'select',
      options: DBS_LEVELS.map((l) => [l, DBS_LEVEL_WORDS[l]] as const),
      blank: 'Choose the level',
      required: true,
    },
    { name: 'certificateNumber', label: 'Certificate number', kind: 'text' },
    { name: 'issuedOn', label: 'Issued on', kind: 'date', required: true },
    { name: 'updateService', label: 'On the DBS Update Service', kind: 'check' },
    { name: 'lastStatusCheckOn', label: 'Last Update Service status check', kind: 'date', showIf: (v) => !!v.updateService || !!v.lastStatusCheckOn },
  ],
  heading: (r) => `${DBS_LEVEL_WORDS[s(r.level)] ?? s(r.level)} DBS certificate`,
  // Only an enhanced certificate counts (STAFF-DBS), so a new one starts as enhanced.
  start: () => ({ level: 'enhanced' }),
  facts: (r) => [
    ['Issued on', ukDate(s(r.issuedOn))],
    ...opt('Certificate number', s(r.certificateNumber)),
    [
      'Update Service',
      r.updateService ? `Yes${r.lastStatusCheckOn ? `, status checked on ${ukDate(s(r.lastStatusCheckOn))}` : ', no status check recorded'}` : 'No',
    ],
  ],
  keep: ['level'],
  dateOf: (r) => s(r.issuedOn),
};
const indemnity: KindSpec<'indemnity'> = {
  kind: 'indemnity',
  schema: RECORD_KINDS.indemnity.schema,
  noun: 'indemnity policy',
  article: 'an',
  intro: 'Professional indemnity held personally or through the employer, in force today, with at least £5,000,000 of cover.',
  fields: [
    { name: 'insurer', label: 'Insurer', kind: 'text', required: true },
    { name: 'policyNumber', label: 'Policy number', kind: 'text' },
    { name: 'coverGBP', label: 'Cover (£)', kind: 'money', required: true, hint: 'In pounds, e.g. 5000000' },
    {
      name: 'heldBy',
      label: 'Held',
      kind: 'select',
      options: [
        ['self', 'Personally'],
        ['employer', 'Through the employer'],
      ],
      blank: 'Choose who holds it',
      required: true,
    },
    { name: 'startsOn', label: 'Starts on', kind: 'date' },
    { name: 'expiresOn', label: 'Expires on', kind: 'date', required: true, hint: 'The last day of cover' },
  ],
  heading: (r) => `${s(r.insurer)}: ${typeof r.coverGBP === 'number' ? pounds(r.coverGBP) : ''} cover`,
  facts: (r) => [
    ...opt('Policy number', s(r.policyNumber)),
    ...opt('Starts on', ukDate(s(r.startsOn))),
    ['Expires on', ukDate(s(r.expiresOn))],
    ['Held', r.heldBy === 'employer' ? 'Through the employer' : 'Personally'],
  ],
  keep: ['insurer', 'heldBy', 'coverGBP'],
  dateOf: (r) => s(r.expiresOn),
};
const registration: KindSpec<'registration'> = {
  kind: 'registration',
  schema: RECORD_KINDS.registration.schema,
  noun: 'registration',
  article: 'a',
  intro: 'Membership of a professional body (for example HCPC, NMC or BABICM): current, with no restriction, and checked on the register in the last year.',
  fields: [
    { name: 'body', label: 'Professional body', kind: 'text', required: true, hint: 'e.g. HCPC, NMC, BABICM' },
    { name: 'number', label: 'Registration number', kind: 'text', required: true },
    { name: 'expiresOn', label: 'Expires on', kind: 'date', hint: 'The renewal date' },
    { name: 'lastCheckedOn', label: 'Last checked on the register', kind: 'date' },
    { name: 'restriction', label: 'Restriction or condition', kind: 'textarea', hint: 'Leave empty when there is none' },
  ],
  heading: (r) => `${s(r.body)} ${s(r.number)}`,
  facts: (r) => [
    ['Expires on', ukDate(s(r.expiresOn)) || 'Not recorded'],
    ['Last checked on the register', ukDate(s(r.lastCheckedOn)) || 'Not recorded'],
    ['Restriction', s(r.restriction) || 'None recorded'],
  ],
  keep: ['body'],
  dateOf: (r) => s(r.lastCheckedOn) || s(r.expiresOn),
};
const cpd: KindSpec<'cpd'> = {
  kind: 'cpd',
  schema: RECORD_KINDS.cpd.schema,
  noun: 'CPD activity',
  article: 'a',
  intro: 'Continuing professional development with its date, topic and provider; at least one in each of the last two years.',
  fields: [
    { name: 'date', label: 'Date', kind: 'date', required: true },
    { name: 'topic', label: 'Topic', kind: 'text', required: true },
    { name: 'provider', label: 'Provider', kind: 'text', required: true },
    { name: 'hours', label: 'Hours', kind: 'number', step: 0.5 },
    { name: 'category', label: 'Category', kind: 'text', hint: 'e.g. course, conference, reading' },
    { name: 'reflection', label: 'Reflection', kind: 'textarea' },
  ],
  heading: (r) => s(r.topic),
  facts: (r) => [
    ['Date', ukDate(s(r.date))],
    ['Provider', s(r.provider)],
    ...opt('Hours', typeof r.hours === 'number' ? String(r.hours) : ''),
    ...opt('Category', s(r.category)),
    ...opt('Reflection', s(r.reflection)),
  ],
  keep: ['provider', 'category'],
  dateOf: (r) => s(r.date),
};
const training: KindSpec<'training'> = {
  kind: 'training',
  schema: RECORD_KINDS.training.schema,
  noun: 'training course',
  article: 'a',
  intro:
    'Mandatory training: safeguarding and mental capacity within the last three years, information security within the last year. Other training can be kept here too.',
  fields: [
    { name: 'kind', label: 'Training', kind: 'trainingKind', required: true },
    { name: 'title', label: 'Course title', kind: 'text', hint: 'e.g. Safeguarding adults level 3' },
    { name: 'completedOn', label: 'Completed on', kind: 'date', required: true },
    { name: 'provider', label: 'Provider', kind: 'text' },
    { name: 'level', label: 'Level', kind: 'text', hint: 'e.g. Level 3' },
  ],
  heading: (r) => courseName({ kind: s(r.kind), title: s(r.title) }),
  facts: (r) => [
    ['Training', trainingWord(s(r.kind))],
    ['Completed on', ukDate(s(r.completedOn))],
    ...opt('Provider', s(r.provider)),
    ...opt('Level', s(r.level)),
  ],
  keep: ['provider'],
  dateOf: (r) => s(r.completedOn),
};
const peerReview: KindSpec<'peerReview'> = {
  kind: 'peerReview',
  schema: RECORD_KINDS.peerReview.schema,
  noun: 'peer review',
  article: 'a',
  intro: 'A review of the case manager’s work by a peer, with its date and the reviewer; one is needed every six months.',
  fields: [
    { name: 'date', label: 'Date', kind: 'date', required: true },
    { name: 'reviewer', label: 'Reviewer', kind: 'text', required: true },
    { name: 'casesReviewed', label: 'Cases reviewed', kind: 'number', step: 1 },
    { name: 'areas', label: 'Areas reviewed', kind: 'areas', options: PEER_REVIEW_AREAS.map((a) => [a, AREA_WORDS[a]] as const) },
    { name: 'notes', label: 'Notes', kind: 'textarea' },
  ],
  heading: (r) => `Peer review by ${s(r.reviewer)}`,
  facts: (r) => [
    ['Date', ukDate(s(r.date))],
    ...opt('Cases reviewed', typeof r.casesReviewed === 'number' ? String(r.casesReviewed) : ''),
    ...opt('Areas reviewed', Array.isArray(r.areas) ? r.areas.map((a) => AREA_WORDS[a] ?? a).join(', ') : ''),
    ...opt('Notes', s(r.notes)),
  ],
  keep: ['reviewer'],
  dateOf: (r) => s(r.date),
  start: () => ({ areas: [] }),
};
const policyAck: KindSpec<'policyAck'> = {
  kind: 'policyAck',
  schema: RECORD_KINDS.policyAck.schema,
  noun: 'policy acknowledgement',
  article: 'a',
  intro:
    "The date the case manager confirmed they had read the latest review of each of the firm's policies; the whistleblowing and lone working policies need one after every review.",
  fields: [
    {
      name: 'policy',
      label: 'Policy',
      kind: 'select',
      options: POLICY_KINDS.map((k) => [k, POLICY_WORDS[k]] as const),
      blank: 'Choose the policy',
      required: true,
    },
    { name: 'on', label: 'Acknowledged on', kind: 'date', required: true },
  ],
  heading: (r) => `${POLICY_WORDS[s(r.policy)] ?? s(r.policy)} policy`,
  facts: (r) => [['Acknowledged on', ukDate(s(r.on))]],
  keep: ['on'],
  dateOf: (r) => s(r.on),
};
// Cases held outside the firm (associates; MTSP Practitioner H "from all sources").
const outsideCaseload: KindSpec<'outsideCaseload'> = {
  kind: 'outsideCaseload',
  schema: RECORD_KINDS.outsideCaseload.schema,
  noun: 'record of cases held elsewhere',
  article: 'a',
  intro:
    'Cases this person holds outside the firm (for another firm or privately), as they have told you: the caseload limit counts them with the cases held here, and so does the Legal Panel pack. Numbers only: never a client’s name.',
  fields: [
    { name: 'source', label: 'Held for', kind: 'text', required: true, hint: 'e.g. Another case-management firm, Private clients (no client names)' },
    { name: 'openActive', label: 'Open and active cases', kind: 'number', step: 1, required: true },
    { name: 'monitoring', label: 'Cases being monitored', kind: 'number', step: 1 },
    { name: 'daysPerWeek', label: 'Days a week on these cases', kind: 'number', step: 0.5, required: true },
    { name: 'from', label: 'From', kind: 'date', required: true, hint: 'The date these figures were given' },
    { name: 'to', label: 'Until', kind: 'date', hint: 'Leave empty while they still hold them' },
  ],
  heading: (r) => `Held for ${s(r.source)}`,
  facts: (r) => [
    ['Open and active', typeof r.openActive === 'number' ? String(r.openActive) : ''],
    ...opt('Monitoring', typeof r.monitoring === 'number' ? String(r.monitoring) : ''),
    ['Days a week', typeof r.daysPerWeek === 'number' ? String(r.daysPerWeek) : ''],
    ['From', ukDate(s(r.from))],
    ['Until', s(r.to) ? ukDate(s(r.to)) : 'Still held'],
  ],
  dateOf: (r) => s(r.from),
};
const policy: KindSpec<'policy'> = {
  kind: 'policy',
  schema: RECORD_KINDS.policy.schema,
  noun: 'policy',
  article: 'a',
  intro: '',
  fields: [
    {
      name: 'kind',
      label: 'Kind of policy',
      kind: 'select',
      options: POLICY_KINDS.map((k) => [k, POLICY_WORDS[k]] as const),
      blank: 'Choose the kind',
      required: true,
    },
    { name: 'title', label: 'Title', kind: 'text', required: true },
    { name: 'reviewedOn', label: 'Last reviewed on', kind: 'date', required: true },
  ],
  heading: (r) => s(r.title),
  facts: (r) => [
    ['Kind', POLICY_WORDS[s(r.kind)] ?? s(r.kind)],
    ['Last reviewed on', ukDate(s(r.reviewedOn))],
  ],
  dateOf: (r) => s(r.reviewedOn),
};

export const KINDS = { dbs, indemnity, registration, cpd, training, peerReview, policyAck, outsideCaseload, policy };
