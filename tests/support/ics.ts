// Reading an iCalendar file back for tests (RFC 5545): checks the physical lines (CRLF,
// at most 75 octets), unfolds them, and returns each VEVENT's properties with TEXT values
// unescaped. Independent of the writer in electron/services/staffEvidence/ics.ts.
export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}
export interface ParsedIcs {
  calendar: Record<string, string>;
  events: Record<string, IcsProperty>[];
  /** Physical lines longer than 75 octets (should be none). */
  longLines: string[];
  /** Lines that did not end with CRLF (should be none). */
  bareNewlines: number;
}

export function unescapeText(v: string): string {
  return v.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

export function parseIcs(text: string): ParsedIcs {
  const bareNewlines = (text.match(/(?<!\r)\n/g) ?? []).length;
  const physical = text.split('\r\n');
  if (physical[physical.length - 1] === '') physical.pop();
  const longLines = physical.filter((l) => Buffer.byteLength(l, 'utf8') > 75);
  const logical: string[] = [];
  for (const l of physical) {
    if ((l.startsWith(' ') || l.startsWith('\t')) && logical.length) logical[logical.length - 1] += l.slice(1);
    else logical.push(l);
  }
  const calendar: Record<string, string> = {};
  const events: Record<string, IcsProperty>[] = [];
  let current: Record<string, IcsProperty> | null = null;
  const stack: string[] = [];
  for (const line of logical) {
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`Not a content line: ${line}`);
    const [nameAndParams, value] = [line.slice(0, colon), line.slice(colon + 1)];
    const [name, ...paramParts] = nameAndParams.split(';');
    const params = Object.fromEntries(paramParts.map((p) => p.split('=') as [string, string]));
    if (name === 'BEGIN') {
      stack.push(value);
      if (value === 'VEVENT') current = {};
      continue;
    }
    if (name === 'END') {
      const open = stack.pop();
      if (open !== value) throw new Error(`END:${value} does not close ${open ?? 'anything'}`);
      if (value === 'VEVENT' && current) {
        events.push(current);
        current = null;
      }
      continue;
    }
    const prop = { name, params, value: ['SUMMARY', 'DESCRIPTION', 'UID', 'X-WR-CALNAME', 'CATEGORIES'].includes(name) ? unescapeText(value) : value };
    if (current) current[name] = prop;
    else calendar[name] = prop.value;
  }
  if (stack.length) throw new Error(`Unclosed ${stack.join(', ')}`);
  return { calendar, events, longLines, bareNewlines };
}
