// Every due date as an iCalendar file (RFC 5545): one all-day VEVENT per rule result that
// has a date on which it changes (a lapse, or the day a rule starts being met). The UID is
// stable per subject and rule, so importing a newer export moves the event rather than
// adding a second one. Text is escaped (\\ \; \, \n) and lines are folded at 75 octets
// with CRLF endings. Pure: the caller passes the report, the firm's name and the time.
import { createHash } from 'node:crypto';
import { STATUS_WORDS, type ComplianceReport, type RuleResult } from '../../contract/compliance';
import { ukDate, type IsoDate } from '../../contract/dates';
import type { RuleSubjectKind } from '../../contract/ops/evidence';
import { ruleById } from '../../contract/rules';
import { addDays } from '../compliance/window';

export interface CalendarOptions {
  firmName: string;
  asOf: IsoDate;
  /** Only dates within this many days of as-of; every future date when absent. */
  days?: number;
  /** The DTSTAMP of every event (when the file was made). */
  now: Date;
}

export interface CalendarEvent {
  uid: string;
  date: IsoDate;
  summary: string;
  description: string;
}

/** Escapes a TEXT value (RFC 5545 3.3.11). */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds one content line into lines of at most 75 octets, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  if (line.length <= 75 && Buffer.byteLength(line, 'utf8') <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const c = ch.codePointAt(0)!;
    const n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (octets + n > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // a continuation line starts with one space, which counts
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDate = (d: IsoDate) => d.replace(/-/g, '');
function utcStamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function who(subject: RuleSubjectKind, ref: string, name: string | undefined, firmName: string): string {
  if (subject === 'firm') return firmName || 'The firm';
  if (subject === 'case') return `Case ${ref}`;
  return name ?? ref;
}

/** The events of a report: every result whose status changes on or after as-of (within `days` when given). */
export function calendarEvents(report: ComplianceReport, opts: Omit<CalendarOptions, 'now'>): CalendarEvent[] {
  const until = opts.days === undefined ? undefined : addDays(opts.asOf, opts.days);
  const firmKey = createHash('sha256').update(opts.firmName).digest('hex').slice(0, 12);
  const events: CalendarEvent[] = [];
  const statusDay = ukDate(opts.asOf);
  const add = (subject: RuleSubjectKind, ref: string, name: string | undefined, rules: RuleResult[]) => {
    for (const r of rules) {
      if (r.changesOn === undefined || r.changesOn < opts.asOf) continue;
      if (until !== undefined && r.changesOn > until) continue;
      const info = ruleById(r.rule);
      const title = info?.title ?? r.rule;
      const lapses = r.status === 'met' || r.status === 'due_soon';
      events.push({
        uid: `${subject}-${ref}-${r.rule}@${firmKey}.caseproof`,
        date: r.changesOn,
        summary: `${who(subject, ref, name, opts.firmName)}: ${title} (${r.rule}) ${r.status === 'exempt' ? 'exemption ends' : lapses ? 'lapses' : 'is met from this day'}`,
        description: `${r.reason}.\n` + `Status on ${statusDay}: ${STATUS_WORDS[r.status]}. ` + `Rule ${r.rule}${info ? `, from ${info.source}` : ''}.`,
      });
    }
  };
  add('firm', 'firm', undefined, report.firm.rules);
  for (const s of report.staff) add('staff', s.ref, s.name, s.rules);
  for (const s of report.suppliers) add('supplier', s.ref, s.name, s.rules);
  for (const c of report.cases) add('case', c.ref, c.name, c.rules);
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
}

/** The whole VCALENDAR, CRLF line endings, folded. */
export function dueCalendar(report: ComplianceReport, opts: CalendarOptions): { ics: string; events: number } {
  const events = calendarEvents(report, opts);
  const stamp = utcStamp(opts.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Caseproof//Due dates//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`Caseproof due dates: ${opts.firmName || 'the firm'}`)}`,
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(e.date)}`,
      `DTEND;VALUE=DATE:${compactDate(addDays(e.date, 1))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      'TRANSP:TRANSPARENT',
      'CATEGORIES:Caseproof',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return { ics: lines.map(foldLine).join('\r\n') + '\r\n', events: events.length };
}
