// What each kind of evidence record looks like in the UI: its fields (validated with the
// kind's zod schema from model.ts), a heading and the facts shown on its card.
import { DBS_LEVELS, PEER_REVIEW_AREAS, POLICY_KINDS, type RecordKind } from '../../../../electron/contract/model';
import { pounds, ukDate } from '../../format';

export type FieldSpec =
  | { name: string; label: string; kind: 'text' | 'textarea' | 'date' | 'check'; hint?: string; required?: boolean; showIf?: (v: Values) => boolean }
  | { name: string; label: string; kind: 'number' | 'money'; hint?: string; required?: boolean; step?: number; showIf?: (v: Values) => boolean }
  | {
      name: string;
      label: string;
      kind: 'select';
      options: readonly [string, string][];
      blank?: string;
      hint?: string;
      required?: boolean;
      showIf?: (v: Values) => boolean;
    }
  | { name: string; label: string; kind: 'areas'; options: readonly [string, string][]; hint?: string; required?: boolean; showIf?: (v: Values) => boolean }
  | { name: string; label: string; kind: 'trainingKind'; hint?: string; required?: boolean; showIf?: (v: Values) => boolean };

export type Values = Record<string, unknown>;
export type Rec = Values & { id: number };

export interface KindSpec {
  kind: RecordKind;
  /** "indemnity policy": used in "Add an indemnity policy". */
  noun: string;
  article: 'a' | 'an';
  intro: string;
  fields: FieldSpec[];
  heading(r: Values): string;
  facts(r: Values): [string, string][];
  /** The date records are listed by, newest first. */
  dateOf(r: Values): string;
  /** Starting values for a new record. */
  start?: () => Values;
}

export const DBS_LEVEL_WORDS: Record<string, string> = {
  basic: 'Basic',
  standard: 'Standard',
  enhanced: 'Enhanced',
  'enhanced-barred': 'Enhanced with barred lists',
};
export const TRAINING_WORDS: Record<string, string> = {
  safeguarding: 'Safeguarding',
  'mental-capacity': 'Mental capacity',
  infosec: 'Information security',
};
export const AREA_WORDS: Record<string, string> = {
  'decision-making': 'Decision making',
  interventions: 'Interventions',
  communications: 'Communications',
  'goal-setting': 'Goal setting',
};
export const POLICY_WORDS: Record<string, string> = {
  handover: 'Case handover and continuity',
  whistleblowing: 'Whistleblowing',
  complaints: 'Complaints and feedback',
  'lone-working': 'Lone working',
  infosec: 'Information security and data protection',
};

const s = (v: unknown) => (typeof v === 'string' ? v : '');
const opt = (label: string, v: string | undefined | null): [string, string][] => (v ? [[label, v]] : []);
export const trainingWord = (k: string) => TRAINING_WORDS[k.trim().toLowerCase()] ?? k;

export const KINDS = {
  dbs: {
    kind: 'dbs',
    noun: 'DBS check',
    article: 'a',
    intro: 'Only an enhanced certificate counts: issued in the last three years, or on the Update Service with a status check in the last year.',
    fields: [
      {
        name: 'level',
        label: 'Level',
        kind: 'select',
        options: DBS_LEVELS.map((l) => [l, DBS_LEVEL_WORDS[l]] as [string, string]),
        blank: 'Choose the level',
        required: true,
      },
      { name: 'certificateNumber', label: 'Certificate number', kind: 'text' },
      { name: 'issuedOn', label: 'Issued on', kind: 'date', required: true },
      { name: 'updateService', label: 'On the DBS Update Service', kind: 'check' },
      { name: 'lastStatusCheckOn', label: 'Last Update Service status check', kind: 'date', showIf: (v) => !!v.updateService || !!v.lastStatusCheckOn },
    ],
    heading: (r) => `${DBS_LEVEL_WORDS[s(r.level)] ?? s(r.level)} DBS certificate`,
    facts: (r) => [
      ['Issued on', ukDate(s(r.issuedOn))],
      ...opt('Certificate number', s(r.certificateNumber)),
      [
        'Update Service',
        r.updateService ? `Yes${r.lastStatusCheckOn ? `, status checked on ${ukDate(s(r.lastStatusCheckOn))}` : ', no status check recorded'}` : 'No',
      ],
    ],
    dateOf: (r) => s(r.issuedOn),
  },
  indemnity: {
    kind: 'indemnity',
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
    dateOf: (r) => s(r.expiresOn),
  },
  registration: {
    kind: 'registration',
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
    dateOf: (r) => s(r.lastCheckedOn) || s(r.expiresOn),
  },
  cpd: {
    kind: 'cpd',
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
    dateOf: (r) => s(r.date),
  },
  training: {
    kind: 'training',
    noun: 'training course',
    article: 'a',
    intro:
      'Mandatory training: safeguarding and mental capacity within the last three years, information security within the last year. Other training can be kept here too.',
    fields: [
      { name: 'kind', label: 'Training', kind: 'trainingKind', required: true },
      { name: 'completedOn', label: 'Completed on', kind: 'date', required: true },
      { name: 'provider', label: 'Provider', kind: 'text' },
      { name: 'level', label: 'Level', kind: 'text', hint: 'e.g. Level 3' },
    ],
    heading: (r) => trainingWord(s(r.kind)),
    facts: (r) => [['Completed on', ukDate(s(r.completedOn))], ...opt('Provider', s(r.provider)), ...opt('Level', s(r.level))],
    dateOf: (r) => s(r.completedOn),
  },
  peerReview: {
    kind: 'peerReview',
    noun: 'peer review',
    article: 'a',
    intro: 'A review of the case manager’s work by a peer, with its date and the reviewer; one is needed every six months.',
    fields: [
      { name: 'date', label: 'Date', kind: 'date', required: true },
      { name: 'reviewer', label: 'Reviewer', kind: 'text', required: true },
      { name: 'casesReviewed', label: 'Cases reviewed', kind: 'number', step: 1 },
      { name: 'areas', label: 'Areas reviewed', kind: 'areas', options: PEER_REVIEW_AREAS.map((a) => [a, AREA_WORDS[a]] as [string, string]) },
      { name: 'notes', label: 'Notes', kind: 'textarea' },
    ],
    heading: (r) => `Peer review by ${s(r.reviewer)}`,
    facts: (r) => [
      ['Date', ukDate(s(r.date))],
      ...opt('Cases reviewed', typeof r.casesReviewed === 'number' ? String(r.casesReviewed) : ''),
      ...opt('Areas reviewed', Array.isArray(r.areas) ? r.areas.map((a) => AREA_WORDS[a as string] ?? String(a)).join(', ') : ''),
      ...opt('Notes', s(r.notes)),
    ],
    dateOf: (r) => s(r.date),
    start: () => ({ areas: [] }),
  },
  policy: {
    kind: 'policy',
    noun: 'policy',
    article: 'a',
    intro: '',
    fields: [
      {
        name: 'kind',
        label: 'Kind of policy',
        kind: 'select',
        options: POLICY_KINDS.map((k) => [k, POLICY_WORDS[k]] as [string, string]),
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
  },
} satisfies Partial<Record<RecordKind, KindSpec>>;
