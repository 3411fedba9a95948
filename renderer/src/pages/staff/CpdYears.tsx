// The CPD log's years (contract/cpdYears.ts, the periods STAFF-CPD-2Y counts): activities and
// hours per CPD year and overall, and whether each of the two years the rule reads has the one
// activity it needs.
import type { CpdEntry, Stored } from '../../../../electron/contract/model';
import { CPD_RULE_YEARS, cpdYearIndex, cpdYearSpan, cpdYears, type CpdYear } from '../../../../electron/contract/cpdYears';
import { ukDate } from '../../format';

const hoursWords = (h: number) => `${h.toLocaleString('en-GB', { maximumFractionDigits: 2 })} ${h === 1 ? 'hour' : 'hours'}`;
const activityWords = (n: number) => `${n} ${n === 1 ? 'activity' : 'activities'}`;

/** "CPD year 25/11/2025 to 24/11/2026 (the last 12 months)" */
export function cpdYearTitle(y: Pick<CpdYear, 'index' | 'from' | 'to'>): string {
  const which = y.index === 0 ? ' (the last 12 months)' : y.index === 1 ? ' (the 12 months before)' : '';
  return `CPD year ${ukDate(y.from)} to ${ukDate(y.to)}${which}`;
}

/** The heading a CPD entry is listed under. */
export function cpdGroupOf(asOf: string) {
  return (r: { date: string }) => {
    const i = cpdYearIndex(r.date, asOf);
    if (i < 0) return { key: 'later', title: `Dated after ${ukDate(asOf)}` };
    return { key: String(i), title: cpdYearTitle({ index: i, ...cpdYearSpan(i, asOf) }) };
  };
}

export function CpdYearsTable({ entries, asOf }: { entries: Stored<CpdEntry>[]; asOf: string }) {
  const v = cpdYears(entries, asOf);
  return (
    <div className="scroll-x">
      <table className="table cpd-years" aria-label="CPD by year">
        <caption className="hint">
          The rule counts the two 12-month periods ending on {ukDate(asOf)}: each needs at least one activity. Hours are shown for your own targets (a
          professional body may ask for more).
        </caption>
        <thead>
          <tr>
            <th scope="col">CPD year</th>
            <th scope="col">Activities</th>
            <th scope="col">Hours</th>
            <th scope="col">Rule (one activity a year)</th>
          </tr>
        </thead>
        <tbody>
          {v.years.map((y) => (
            <tr key={y.index} data-year={y.index}>
              <th scope="row">{cpdYearTitle(y)}</th>
              <td>{activityWords(y.activities)}</td>
              <td>
                {hoursWords(y.hours)}
                {y.withoutHours ? <span className="hint"> ({y.withoutHours} without hours)</span> : null}
              </td>
              <td>{y.counted ? (y.activities > 0 ? 'Met: at least one activity' : 'Not met: no activity') : 'Not counted (older than two years)'}</td>
            </tr>
          ))}
          {v.later.activities ? (
            <tr data-year="later">
              <th scope="row">Dated after {ukDate(asOf)}</th>
              <td>{activityWords(v.later.activities)}</td>
              <td>{hoursWords(v.later.hours)}</td>
              <td>Counts from its date</td>
            </tr>
          ) : null}
        </tbody>
        <tfoot>
          <tr data-year="total">
            <th scope="row">All CPD</th>
            <td>{activityWords(v.total.activities)}</td>
            <td>{hoursWords(v.total.hours)}</td>
            <td>
              {v.years.slice(0, CPD_RULE_YEARS).every((y) => y.activities > 0)
                ? 'Both years have an activity'
                : `${v.years.slice(0, CPD_RULE_YEARS).filter((y) => y.activities === 0).length} of the two years without an activity`}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
