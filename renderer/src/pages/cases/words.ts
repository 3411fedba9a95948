// Words for the codes cases are stored with: nothing on screen is a bare code.
import { CASE_STATUS_WORDS } from '../../../../electron/contract/ops/cases';
import { CLOSED_REASONS, FUNDING, INJURIES, PARTY_KINDS } from '../../../../electron/contract/model';

export { CASE_STATUS_WORDS };
export const FUNDING_WORDS: Record<(typeof FUNDING)[number], string> = {
  'joint-instruction': 'Joint instruction',
  'claimant-solicitor': "Claimant's solicitor",
  deputy: 'Deputy',
  'nhs-la': 'NHS or local authority',
  private: 'Privately funded',
};
export const INJURY_WORDS: Record<(typeof INJURIES)[number], string> = {
  brain: 'Brain injury',
  spinal: 'Spinal injury',
  orthopaedic: 'Orthopaedic',
  amputation: 'Amputation',
  polytrauma: 'Polytrauma',
  psychological: 'Psychological',
  other: 'Other',
};
export const PARTY_WORDS: Record<(typeof PARTY_KINDS)[number], string> = {
  solicitor: 'Solicitor',
  insurer: 'Insurer',
  deputy: 'Deputy',
  'nhs-la': 'NHS or local authority',
  other: 'Other',
};
export const COMPLEXITY_WORDS = { low: 'Low', medium: 'Medium', high: 'High' } as const;

const ALL: Record<string, string> = { ...FUNDING_WORDS, ...INJURY_WORDS, 'not recorded': 'Not recorded' };
/** Words for a funding route or injury code (anything else is shown as it is). */
export const word = (code: string | undefined): string => (code === undefined ? 'Not recorded' : (ALL[code] ?? code));
export const partyWord = (kind: string) => PARTY_WORDS[kind as keyof typeof PARTY_WORDS] ?? kind;
export const options = <K extends string>(codes: readonly K[], words: Record<K, string>) => codes.map((c) => [c, words[c]] as [string, string]);
export const CLOSED_REASON_OPTIONS = CLOSED_REASONS.map((r) => [r, r[0].toUpperCase() + r.slice(1)] as [string, string]);

/** "1 day", "2.5 days". */
export const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
