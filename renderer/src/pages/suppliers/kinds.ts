// How each kind of supplier vetting record looks in the UI (fields validated with the kind's
// zod schema from model.ts), for the shared record list (../staff/Records.tsx).
import { RECORD_KINDS, type Decision } from '../../../../electron/contract/model';
import { pounds, ukDate } from '../../format';
import { KINDS, type KindSpec } from '../staff/kinds';

const s = (v: unknown) => (typeof v === 'string' ? v : '');
const opt = (label: string, v: string | undefined | null): [string, string][] => (v ? [[label, v]] : []);

/** A vetting decision in words (the supplier page, its history, the audit trail). */
export const DECISION_WORDS: Record<Decision['decision'], string> = {
  approved: 'Approved',
  conditional: 'Approved with conditions',
  rejected: 'Not approved',
};

/** Schemes offered for regulatory compliance (any other can be typed). */
export const REGULATORY_SCHEMES = ['ICO', 'HCPC', 'CQC', 'NMC', 'RCN', 'GMC', 'FCA'] as const;

const supplierIndemnity: KindSpec<'supplierIndemnity'> = {
  kind: 'supplierIndemnity',
  schema: RECORD_KINDS.supplierIndemnity.schema,
  noun: 'indemnity policy',
  article: 'an',
  intro: '',
  fields: [
    { name: 'insurer', label: 'Insurer', kind: 'text', required: true },
    { name: 'coverGBP', label: 'Cover (£)', kind: 'money', required: true, hint: 'In pounds, e.g. 2000000' },
    { name: 'expiresOn', label: 'Expires on', kind: 'date', required: true, hint: 'The last day of cover' },
  ],
  heading: (r) => `${s(r.insurer)}: ${typeof r.coverGBP === 'number' ? pounds(r.coverGBP) : ''} cover`,
  facts: (r) => [['Expires on', ukDate(s(r.expiresOn))]],
  dateOf: (r) => s(r.expiresOn),
};
const qualification: KindSpec<'qualification'> = {
  kind: 'qualification',
  schema: RECORD_KINDS.qualification.schema,
  noun: 'qualification or registration',
  article: 'a',
  intro: '',
  fields: [
    { name: 'body', label: 'Professional body', kind: 'text', required: true, hint: 'e.g. HCPC, BABCP, BPS, CSP' },
    { name: 'number', label: 'Registration or membership number', kind: 'text' },
  ],
  heading: (r) => `${s(r.body)}${r.number ? ' ' + s(r.number) : ''}`,
  facts: (r) => [['Number', s(r.number) || 'Not recorded']],
  dateOf: () => '',
};
const regulatory: KindSpec<'regulatory'> = {
  kind: 'regulatory',
  schema: RECORD_KINDS.regulatory.schema,
  noun: 'regulatory registration',
  article: 'a',
  intro: '',
  fields: [
    { name: 'scheme', label: 'Scheme or regulator', kind: 'text', required: true, hint: `e.g. ${REGULATORY_SCHEMES.join(', ')}` },
    { name: 'reference', label: 'Reference', kind: 'text' },
    { name: 'expiresOn', label: 'Expires on', kind: 'date', hint: 'Leave empty if it does not expire' },
  ],
  heading: (r) => `${s(r.scheme)}${r.reference ? ' ' + s(r.reference) : ''}`,
  facts: (r) => [['Expires on', ukDate(s(r.expiresOn)) || 'No expiry recorded']],
  dateOf: (r) => s(r.expiresOn) || '9999-12-31',
};
const fitnessCheck: KindSpec<'fitnessCheck'> = {
  kind: 'fitnessCheck',
  schema: RECORD_KINDS.fitnessCheck.schema,
  noun: 'register check',
  article: 'a',
  intro: '',
  fields: [
    { name: 'checkedOn', label: 'Checked on', kind: 'date', required: true },
    { name: 'register', label: 'Register checked', kind: 'text', required: true, hint: 'e.g. HCPC register, CQC ratings' },
    {
      name: 'result',
      label: 'Result',
      kind: 'select',
      options: [
        ['clear', 'Clear: no restriction found'],
        ['restriction', 'Restriction or warning found'],
      ],
      blank: 'Choose the result',
      required: true,
    },
    { name: 'note', label: 'Note', kind: 'textarea', hint: 'What was found, or the register entry checked' },
  ],
  heading: (r) => `${s(r.register)} check`,
  facts: (r) => [
    ['Checked on', ukDate(s(r.checkedOn))],
    ['Result', r.result === 'restriction' ? 'Restriction or warning found' : 'Clear'],
    ...opt('Note', s(r.note)),
  ],
  dateOf: (r) => s(r.checkedOn),
};

export const SUPPLIER_KINDS = { supplierIndemnity, qualification, regulatory, fitnessCheck, dbs: { ...KINDS.dbs, intro: '' } };
