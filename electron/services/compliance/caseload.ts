// Caseload figures (MTSP Practitioner H, Organisation G). Pure functions over the case
// snapshot; the as-of date is always passed in.
//
// Semantics:
// - Who manages a case on a date: the `toRef` of the latest handover dated on or before
//   that date; before the first handover, the `fromRef` of the earliest handover; with no
//   handovers, `caseManager`. Handovers on the same day apply in the order they are listed.
// - Open on a date: the case's current status is open-active or monitoring, and it was
//   opened on or before that date (a case without an opening date counts as open).
//   Only the current status is known (there is no status history), so a closed case
//   never counts, whatever its closing date, and a referral is never open.
// - Referrals: counted separately, when referred on or before the date (or with no
//   referral date recorded).
// - Break-downs (injury, funding, instructing party) cover open cases, that is
//   open-active and monitoring together; a missing injury or funding is counted under
//   'not recorded'.
// - perWorkingDay = open-active cases / days per week, rounded to 2 decimal places;
//   null when days per week is unknown.
import type { CaseloadFigures } from '../../contract/caseload';
import type { IsoDate } from '../../contract/dates';
import type { CaseSnapshot, FirmSnapshot, StaffSnapshot } from '../../contract/model';

export const NOT_RECORDED = 'not recorded';

type HandoverCase = Pick<CaseSnapshot, 'caseManager' | 'handovers'>;

/** The staff ref of the case manager responsible for the case on `date`. */
export function caseManagerOn(c: HandoverCase, date: IsoDate): string {
  const handovers = c.handovers;
  if (!handovers || handovers.length === 0) return c.caseManager;
  let latest: { on: string; toRef: string } | undefined; // latest on or before the date
  let earliestLater: { on: string; fromRef: string } | undefined;
  for (const h of handovers) {
    if (h.on <= date) {
      if (!latest || h.on >= latest.on) latest = h;
    } else if (!earliestLater || h.on < earliestLater.on) {
      earliestLater = h;
    }
  }
  if (latest) return latest.toRef;
  if (earliestLater) return earliestLater.fromRef;
  return c.caseManager;
}

/** True when the case counts as open (open-active or monitoring) on `date`; see the notes above. */
export function isOpenOn(c: Pick<CaseSnapshot, 'status' | 'openedOn'>, date: IsoDate): boolean {
  if (c.status !== 'open-active' && c.status !== 'monitoring') return false;
  return !c.openedOn || c.openedOn <= date;
}

/** True when the case is an outstanding referral on `date`. */
export function isReferralOn(c: Pick<CaseSnapshot, 'status' | 'referredOn'>, date: IsoDate): boolean {
  return c.status === 'referral' && (!c.referredOn || c.referredOn <= date);
}

export interface CaseloadOptions {
  /** Count only cases managed by this staff ref on the date; null or absent = the whole firm. */
  staffRef?: string | null;
  /** Working days per week behind the figures; null or absent = not known. */
  daysPerWeek?: number | null;
}

/** Rounds to 2 decimal places (8.3333 -> 8.33). */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Caseload figures on `asOf` for one case manager (`staffRef`) or the whole firm. */
export function caseloadFor(cases: readonly CaseSnapshot[], asOf: IsoDate, opts: CaseloadOptions = {}): CaseloadFigures {
  const staffRef = opts.staffRef ?? null;
  const daysPerWeek = opts.daysPerWeek ?? null;
  const figures: CaseloadFigures = {
    staffRef,
    asOf,
    openActive: 0,
    monitoring: 0,
    referral: 0,
    daysPerWeek,
    perWorkingDay: null,
    byInjury: {},
    byFunding: {},
    byParty: {},
  };
  for (const c of cases) {
    if (staffRef !== null && caseManagerOn(c, asOf) !== staffRef) continue;
    if (isReferralOn(c, asOf)) {
      figures.referral++;
      continue;
    }
    if (!isOpenOn(c, asOf)) continue;
    if (c.status === 'open-active') figures.openActive++;
    else figures.monitoring++;
    bump(figures.byInjury, c.injury ?? NOT_RECORDED);
    bump(figures.byFunding, c.funding ?? NOT_RECORDED);
    bump(figures.byParty, c.instructingParty.name);
  }
  if (daysPerWeek !== null && daysPerWeek > 0) figures.perWorkingDay = round2(figures.openActive / daysPerWeek);
  return figures;
}

/** Figures for one case manager, using their recorded working days. */
export function staffCaseload(staff: StaffSnapshot, cases: readonly CaseSnapshot[], asOf: IsoDate): CaseloadFigures {
  return caseloadFor(cases, asOf, { staffRef: staff.ref, daysPerWeek: staff.daysPerWeek ?? null });
}

/**
 * Figures for the whole firm. Days per week is the sum over all staff, and only when every
 * member of staff has it recorded (otherwise null: a partial sum would flatter the figure).
 */
export function firmCaseload(snapshot: Pick<FirmSnapshot, 'staff' | 'cases'>, asOf: IsoDate): CaseloadFigures {
  let days: number | null = snapshot.staff.length > 0 ? 0 : null;
  for (const s of snapshot.staff) {
    if (days === null) break;
    days = s.daysPerWeek === undefined ? null : days + s.daysPerWeek;
  }
  return caseloadFor(snapshot.cases, asOf, { staffRef: null, daysPerWeek: days === null ? null : round2(days) });
}

/** Open-active cases per case manager on `asOf`, in one pass over the cases. */
export function openActiveByManager(cases: readonly CaseSnapshot[], asOf: IsoDate): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of cases) {
    if (c.status !== 'open-active' || !isOpenOn(c, asOf)) continue;
    const ref = caseManagerOn(c, asOf);
    counts.set(ref, (counts.get(ref) ?? 0) + 1);
  }
  return counts;
}
