// Caseload figures (MTSP Practitioner H, Organisation G): what a case manager or firm
// tells an instructing party about the load they carry.
export interface CaseloadFigures {
  staffRef: string | null; // null for the whole firm
  asOf: string;
  openActive: number;
  monitoring: number;
  referral: number;
  daysPerWeek: number | null;
  /** open-active cases per working day (null when days per week is not recorded) */
  perWorkingDay: number | null;
  byInjury: Record<string, number>;
  byFunding: Record<string, number>;
  byParty: Record<string, number>;
  /**
   * Cases the person holds outside the firm on the date (associates; MTSP Practitioner H "from
   * all sources"); null or absent when none is recorded in force. When present, perWorkingDay
   * counts them too: (openActive + elsewhere.openActive) / (daysPerWeek + elsewhere.daysPerWeek).
   */
  elsewhere?: ElsewhereLoad | null;
}
/** Cases held outside the firm on a date, summed over the sources with a record in force. */
export interface ElsewhereLoad {
  openActive: number;
  monitoring: number;
  daysPerWeek: number;
  /** Who they are held for, as recorded ("Another case-management firm"). */
  sources: string[];
}
