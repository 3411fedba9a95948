// Words for the stored codes, as an instructing party should read them.
import { pounds, ukDate } from '../../contract/dates';
import { POLICY_NAMES } from '../../contract/rules';
import { TRAINING_CATEGORY_NAMES } from '../../contract/training';

const DBS_LEVEL: Record<string, string> = {
  basic: 'Basic',
  standard: 'Standard',
  enhanced: 'Enhanced',
  'enhanced-barred': 'Enhanced with barred lists',
};
// One name for each training category and each policy, the same as the app shows (contract/training.ts, contract/rules.ts).
const TRAINING: Record<string, string> = TRAINING_CATEGORY_NAMES;
const AREA: Record<string, string> = {
  'decision-making': 'decision making',
  interventions: 'interventions',
  communications: 'communications',
  'goal-setting': 'goal setting',
};
const FUNDING: Record<string, string> = {
  'joint-instruction': 'Joint instruction',
  'claimant-solicitor': "Claimant's solicitor",
  deputy: 'Deputy',
  'nhs-la': 'NHS or local authority',
  private: 'Privately funded',
};
const INJURY: Record<string, string> = {
  brain: 'Brain injury',
  spinal: 'Spinal cord injury',
  orthopaedic: 'Orthopaedic',
  amputation: 'Amputation',
  polytrauma: 'Polytrauma',
  psychological: 'Psychological',
  other: 'Other',
};
const PARTY: Record<string, string> = {
  solicitor: 'solicitor',
  insurer: 'insurer',
  deputy: 'deputy',
  'nhs-la': 'NHS or local authority',
  other: 'instructing party',
};
const EMPLOYMENT: Record<string, string> = {
  employed: 'Employed',
  'self-employed': 'Self-employed',
  subcontractor: 'Subcontractor',
};
const DECISION: Record<string, string> = {
  approved: 'Approved',
  conditional: 'Approved with conditions',
  rejected: 'Rejected',
};
const POLICY: Record<string, string> = POLICY_NAMES;

const pick = (table: Record<string, string>, code: string | undefined) => (code ? (table[code] ?? code) : '');

export const dbsLevelWord = (code: string) => pick(DBS_LEVEL, code);
export const trainingWord = (code: string) => pick(TRAINING, code);
export const areaWord = (code: string) => pick(AREA, code);
export const fundingWord = (code: string) => (code === 'not recorded' ? 'Not recorded' : pick(FUNDING, code));
export const injuryWord = (code: string) => (code === 'not recorded' ? 'Not recorded' : pick(INJURY, code));
export const partyKindWord = (code: string | undefined) => pick(PARTY, code);
export const employmentWord = (code: string | undefined) => pick(EMPLOYMENT, code) || 'Not recorded';
export const decisionWord = (code: string) => pick(DECISION, code);
export const policyWord = (code: string) => pick(POLICY, code);

export const yesNo = (v: boolean | undefined, unknown = 'Not recorded') => (v === undefined ? unknown : v ? 'Yes' : 'No');
/** A UK date, or a dash when there is none. */
export const dateOrDash = (d: string | undefined | null) => ukDate(d) || '—';
export const textOrDash = (t: string | undefined | null) => (t && t.trim() ? t : '—');
export const money = (n: number) => pounds(n);
/** 1 -> "1", 1.5 -> "1.5", 2.25 -> "2.25". */
export const hoursWord = (n: number) => String(Math.round(n * 100) / 100);
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
