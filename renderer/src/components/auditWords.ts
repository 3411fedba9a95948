// The audit trail's stored field names and values (table columns, JSON keys, ISO dates) in words a
// practice manager reads: "Qualified on 24/05/2019", not "qualified_on: 2019-05-24". Display only:
// the entries themselves, and the spreadsheet export, keep the stored names and values.
import { RECORD_KIND_WORDS } from '../../../electron/contract/model';
import { INCIDENT_KIND_WORDS } from '../../../electron/contract/ops/journey';
import { RESULT_WORDS } from '../../../electron/contract/registers';
import { POLICY_NAMES, ruleTitle } from '../../../electron/contract/rules';
import { TRAINING_CATEGORY_NAMES } from '../../../electron/contract/training';
import { ukDate, ukDateTime } from '../format';
import { CASE_STATUS_WORDS, FUNDING_WORDS, INJURY_WORDS, PARTY_WORDS } from '../pages/cases/words';
import { AREA_WORDS, DBS_LEVEL_WORDS } from '../pages/staff/kinds';
import { DECISION_WORDS } from '../pages/suppliers/kinds';

/** Names that read badly when split into words. */
const LABELS: Record<string, string> = {
  ref: 'Reference',
  sha256: 'SHA-256',
  dbs: 'DBS',
  cpd: 'CPD',
  url: 'Web address',
  mediaType: 'File type',
  media_type: 'File type',
  size: 'Size (bytes)',
  updateService: 'On the DBS Update Service',
  daysPerWeek: 'Days a week',
  days_per_week: 'Days a week',
  caseManagementSince: 'Case management since',
  case_management_since: 'Case management since',
  solePractitioner: 'Sole practitioner',
  sole_practitioner: 'Sole practitioner',
  destroyed_by: 'Destroyed by',
  destroyed_on: 'Destroyed on',
};

/** The vault's own numbering and bookkeeping: noise in a whole record added or removed. */
export function isBookkeeping(field: string): boolean {
  return field === 'id' || /(_id|Id)$/.test(field) || field === 'data_version' || field === 'created_at' || field === 'content';
}

/** "qualified_on", "qualifiedOn" or "settings.warningDays" → "Qualified on", "Settings: warning days". */
export function fieldWords(field: string): string {
  const parts = field.split('.');
  return parts
    .map((p, i) => {
      const known = LABELS[p];
      const words =
        known ??
        p
          .replace(/_/g, ' ')
          .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
          .toLowerCase();
      return i === 0 ? words.charAt(0).toUpperCase() + words.slice(1) : known ? words : words;
    })
    .join(': ');
}

const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const capitalAll = (words: Record<string, string>) => Object.fromEntries(Object.entries(words).map(([k, w]) => [k, capital(w)]));

/**
 * The words for the codes a field holds, by the field's own name (its last part: "data.kind" is
 * "kind"), each taken from where the app spells it elsewhere. A "kind" is a record's kind, a
 * policy's, a training course's, an instructing party's or an incident's: their codes do not clash.
 */
const CODE_WORDS: Record<string, Record<string, string>> = {
  kind: {
    ...capitalAll(RECORD_KIND_WORDS),
    ...PARTY_WORDS,
    ...INCIDENT_KIND_WORDS,
    ...POLICY_NAMES,
    ...TRAINING_CATEGORY_NAMES,
    organisation: 'Organisation',
    individual: 'Individual',
  },
  policy: POLICY_NAMES,
  level: DBS_LEVEL_WORDS,
  areas: AREA_WORDS,
  status: CASE_STATUS_WORDS,
  funding: FUNDING_WORDS,
  injury: INJURY_WORDS,
  decision: DECISION_WORDS,
  result: capitalAll(RESULT_WORDS),
  recipientKind: PARTY_WORDS,
  recipient_kind: PARTY_WORDS,
};
/** Fields that hold a rule's id: shown by the rule's one title. */
const RULE_FIELDS = new Set(['rule', 'ruleId', 'rule_id']);

/**
 * A stored value in words: ISO dates and instants as UK dates; yes/no for true/false (and for the
 * 0 and 1 of a yes-or-no column, `yesNo`); a code by its name where the field has one (a list of
 * codes, such as a peer review's areas, word by word); anything else as stored.
 */
export function valueWords(value: string, field = '', yesNo = false): string {
  const name = field.split('.').pop() ?? '';
  if (yesNo && (value === '0' || value === '1')) return value === '1' ? 'Yes' : 'No';
  if (RULE_FIELDS.has(name)) return ruleTitle(value);
  const codes = CODE_WORDS[name];
  if (codes) {
    if (Object.hasOwn(codes, value)) return codes[value];
    const list = codeList(value);
    if (list && list.every((c) => Object.hasOwn(codes, c))) return list.map((c) => codes[c]).join(', ');
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return ukDate(value);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return ukDateTime(value);
  if (value === 'true') return 'Yes';
  if (value === 'false') return 'No';
  return value;
}

/** A stored JSON list of codes (`["decision-making","interventions"]`), or null. */
function codeList(value: string): string[] | null {
  if (!value.startsWith('[')) return null;
  try {
    const v = JSON.parse(value) as unknown;
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null;
  } catch {
    return null;
  }
}
