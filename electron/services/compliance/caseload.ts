// Caseload figures (MTSP Practitioner H, Organisation G). Pure functions over the case
// snapshot; the as-of date is always passed in.
//
// Semantics:
// - Who manages a case on a date: the `toRef` of the latest handover dated on or before
//   that date; before the first handover, the `fromRef` of the earliest handover; with no
//   handovers, `caseManager`. Handovers on the same day apply in the order they are listed.
// - A case's status on a date (valid time, rules.md version 2): from its status history when
//   it has one (the latest change on or before the date; before the first, not yet referred);
//   otherwise from its dates: before the referral (or opening, when no referral date) it is not
//   yet referred; a case recorded as closed is closed from its closing date, and before it was
//   open (open-active: the history that would say "monitoring" is not recorded) from its opening
//   date, or a referral before that; an open case is a referral before its opening date. A
//   closed case with no closing date is closed on every date it existed (nothing says when).
// - Open on a date = open-active or monitoring on that date; a referral is never open.
// - Break-downs (injury, funding, instructing party) cover open cases, that is
//   open-active and monitoring together; a missing injury or funding is counted under
//   'not recorded'.
// - perWorkingDay = open-active cases / days per week, rounded to 2 decimal places for
//   showing (STAFF-CASELOAD compares the unrounded figure); null when days per week is unknown.
import type { CaseloadFigures, ElsewhereLoad } from '../../contract/caseload';
import type { IsoDate } from '../../contract/dates';
import type { CASE_STATUSES, CaseSnapshot, FirmSnapshot, OutsideCaseload, StaffSnapshot } from '../../contract/model';

export type CaseStatus = (typeof CASE_STATUSES)[number];

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

type StatusCase = Pick<CaseSnapshot, 'status' | 'referredOn' | 'openedOn' | 'closedOn' | 'statusHistory'>;

/** The case's status on `date`, or undefined before it was referred (see the notes above). */
export function caseStatusOn(c: StatusCase, date: IsoDate): CaseStatus | undefined {
  const history = c.statusHistory;
  if (history && history.length > 0) {
    let found: CaseStatus | undefined;
    let foundOn = '';
    for (const h of history) {
      if (h.on <= date && h.on >= foundOn) {
        found = h.status;
        foundOn = h.on;
      }
    }
    return found;
  }
  const start = c.referredOn ?? c.openedOn;
  if (start !== undefined && date < start) return undefined;
  if (c.status === 'closed') {
    if (c.closedOn === undefined || c.closedOn <= date) return 'closed';
    if (c.openedOn !== undefined) return c.openedOn <= date ? 'open-active' : 'referral';
    return c.referredOn !== undefined ? 'referral' : 'open-active';
  }
  if (c.status === 'referral') return 'referral';
  return c.openedOn !== undefined && date < c.openedOn ? 'referral' : c.status;
}

/** True when the case counts as open (open-active or monitoring) on `date`. */
export function isOpenOn(c: StatusCase, date: IsoDate): boolean {
  const s = caseStatusOn(c, date);
  return s === 'open-active' || s === 'monitoring';
}

/** True when the case is an outstanding referral on `date`. */
export function isReferralOn(c: StatusCase, date: IsoDate): boolean {
  return caseStatusOn(c, date) === 'referral';
}

export interface CaseloadOptions {
  /** Count only cases managed by this staff ref on the date; null or absent = the whole firm. */
  staffRef?: string | null;
  /** Working days per week behind the figures; null or absent = not known. */
  daysPerWeek?: number | null;
  /** The person's cases held outside the firm on the date (outsideLoadOn), counted in perWorkingDay. */
  elsewhere?: ElsewhereLoad | null;
}

/**
 * The cases a person holds outside the firm on `asOf` (MTSP Practitioner H "from all sources").
 * A record is in force from its `from` date to its `to` date inclusive (no `to`: still held).
 * Each source counts once: of its records in force, the one with the latest `from` (a newer
 * figure replaces an older one); sources are told apart ignoring case and spacing. Null when
 * no record is in force.
 */
export function outsideLoadOn(records: readonly OutsideCaseload[] | undefined, asOf: IsoDate): ElsewhereLoad | null {
  if (!records || records.length === 0) return null;
  const bySource = new Map<string, OutsideCaseload>();
  for (const r of records) {
    if (r.from > asOf || (r.to !== undefined && r.to < asOf)) continue;
    const key = r.source.trim().replace(/\s+/g, ' ').toLowerCase();
    const prev = bySource.get(key);
    if (!prev || r.from >= prev.from) bySource.set(key, r);
  }
  if (bySource.size === 0) return null;
  const load: ElsewhereLoad = { openActive: 0, monitoring: 0, daysPerWeek: 0, sources: [] };
  for (const r of bySource.values()) {
    load.openActive += r.openActive;
    load.monitoring += r.monitoring ?? 0;
    load.daysPerWeek += r.daysPerWeek;
    load.sources.push(r.source.trim());
  }
  load.daysPerWeek = round2(load.daysPerWeek);
  return load;
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
    ...(opts.elsewhere ? { elsewhere: opts.elsewhere } : {}),
  };
  for (const c of cases) {
    if (staffRef !== null && caseManagerOn(c, asOf) !== staffRef) continue;
    const status = caseStatusOn(c, asOf);
    if (status === 'referral') {
      figures.referral++;
      continue;
    }
    if (status === 'open-active') figures.openActive++;
    else if (status === 'monitoring') figures.monitoring++;
    else continue;
    bump(figures.byInjury, c.injury ?? NOT_RECORDED);
    bump(figures.byFunding, c.funding ?? NOT_RECORDED);
    bump(figures.byParty, c.instructingParty.name);
  }
  const e = opts.elsewhere;
  if (daysPerWeek !== null && daysPerWeek > 0) {
    figures.perWorkingDay = e ? round2((figures.openActive + e.openActive) / (daysPerWeek + e.daysPerWeek)) : round2(figures.openActive / daysPerWeek);
  }
  return figures;
}

/** Figures for one case manager, using their recorded working days and any cases they hold elsewhere. */
export function staffCaseload(staff: StaffSnapshot, cases: readonly CaseSnapshot[], asOf: IsoDate): CaseloadFigures {
  return caseloadFor(cases, asOf, { staffRef: staff.ref, daysPerWeek: staff.daysPerWeek ?? null, elsewhere: outsideLoadOn(staff.outsideCaseload, asOf) });
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

/**
 * The cases each case manager is responsible for on `asOf` (caseManagerOn), in one pass: a
 * firm-wide table of everyone's caseload then reads each person's own cases, not every case
 * once per person (200 people x 20,000 cases took over a second in the organisation pack).
 */
export function casesByManagerOn<C extends HandoverCase>(cases: readonly C[], asOf: IsoDate): Map<string, C[]> {
  const out = new Map<string, C[]>();
  for (const c of cases) {
    const ref = caseManagerOn(c, asOf);
    const list = out.get(ref);
    if (list) list.push(c);
    else out.set(ref, [c]);
  }
  return out;
}

/** Open-active cases per case manager on `asOf`, in one pass over the cases. */
export function openActiveByManager(cases: readonly CaseSnapshot[], asOf: IsoDate): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of cases) {
    if (caseStatusOn(c, asOf) !== 'open-active') continue;
    const ref = caseManagerOn(c, asOf);
    counts.set(ref, (counts.get(ref) ?? 0) + 1);
  }
  return counts;
}
