// The audit trail's stored field names and values (table columns, JSON keys, ISO dates) in words a
// practice manager reads: "Qualified on 24/05/2019", not "qualified_on: 2019-05-24". Display only:
// the entries themselves, and the spreadsheet export, keep the stored names and values.
import { ukDate, ukDateTime } from '../format';

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

/** ISO dates and instants as UK dates; yes/no for true/false; anything else as stored. */
export function valueWords(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return ukDate(value);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return ukDateTime(value);
  if (value === 'true') return 'Yes';
  if (value === 'false') return 'No';
  return value;
}
