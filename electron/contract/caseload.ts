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
}
