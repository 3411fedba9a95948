// The reminder shown on unlock and once a day while the app is open: a short summary of
// what lapses in the next 30 days. Pure: the caller decides how to show it.
import { ukDate } from '../contract/dates';
import type { Ctx } from './context';
import { dueList } from './compliance/engine';
import { firmReport } from './views/firmModel';
import { incidentClocks } from './cases/journey';
import type { IncidentClock } from '../contract/ops/journey';

export const REMINDER_DAYS = 30;

export function reminderSummary(ctx: Ctx): { title: string; body: string } | null {
  const asOf = ctx.clock.today();
  // An incident whose 48 hours are running comes first: it cannot wait for the daily list.
  const clocks = incidentClocks(ctx);
  if (clocks.length) {
    const k = clocks[0]!;
    const more = clocks.length > 1 ? ` (and ${clocks.length - 1} more)` : '';
    return { title: `${clocks.length} incident${clocks.length === 1 ? '' : 's'} to report`, body: `Case ${k.caseRef}: ${k.words}${more}.` };
  }
  // The firm model the Dashboard uses (views/firmModel.ts): this check after unlock does the
  // work once, and the Dashboard opened next reuses it.
  const { model, report } = firmReport(ctx, asOf, ctx.clock.now());
  const items = dueList(report, asOf, REMINDER_DAYS, model.snapshot);
  if (!items.length) return null;
  const first = items[0];
  const who = first.name ?? first.ref;
  const more = items.length > 1 ? ` and ${items.length - 1} more` : '';
  return {
    title: `${items.length} item${items.length === 1 ? '' : 's'} lapse${items.length === 1 ? 's' : ''} in the next ${REMINDER_DAYS} days`,
    body: `First: ${who}, ${first.rule} on ${ukDate(first.changesOn)}${more}. Open Caseproof's dashboard for the list.`,
  };
}

// ---------- while a 48-hour clock runs (issue 14 item 3) ----------
/** How often the vault worker looks at the incident clocks while the vault is open. */
export const INCIDENT_CHECK_MS = 5 * 60_000;
/** The points of a running clock at which a reminder is shown once: 12 hours left, 2 hours left, run out. */
export const INCIDENT_STAGES = [
  { id: '12h', minutesLeft: 12 * 60, words: '12 hours or less left' },
  { id: '2h', minutesLeft: 2 * 60, words: '2 hours or less left' },
  { id: 'out', minutesLeft: -1, words: 'time ran out' },
] as const;

/** The stage a clock has reached ('running' before 12 hours are left), from its whole minutes left. */
export function incidentStage(minutesLeft: number): 'running' | (typeof INCIDENT_STAGES)[number]['id'] {
  let stage: 'running' | (typeof INCIDENT_STAGES)[number]['id'] = 'running';
  for (const s of INCIDENT_STAGES) if (minutesLeft <= s.minutesLeft) stage = s.id;
  return stage;
}

/**
 * The reminder to show now for the incident clocks (incidentClocks: running or run out,
 * unreported), or null. Each incident is reminded of once when it is first seen running and once
 * at each stage it reaches (12 hours left, 2 hours left, run out); `shown` keeps what has been
 * shown (keyed by case, incident and stage) and is updated. The soonest deadline leads.
 */
export function incidentReminder(clocks: readonly IncidentClock[], shown: Set<string>): { title: string; body: string } | null {
  const fresh: IncidentClock[] = [];
  for (const k of clocks) {
    if (k.minutesLeft === null) continue;
    const key = `${k.caseRef}|${k.identifiedAt}|${k.kind}|${incidentStage(k.minutesLeft)}`;
    if (shown.has(key)) continue;
    shown.add(key);
    fresh.push(k);
  }
  if (fresh.length === 0) return null;
  const first = fresh[0]!;
  const more = fresh.length > 1 ? ` (and ${fresh.length - 1} more)` : '';
  const out = first.minutesLeft! < 0;
  return {
    title: out ? `Incident not reported in time: case ${first.caseRef}` : `Incident to report: case ${first.caseRef}`,
    body: `${first.words}${more}.`,
  };
}
