// The conventions every rule follows (rules.md version 2), each at its boundaries: the day
// before, on and after; 29 February; the end of the as-of day in London.
import { describe, expect, it } from 'vitest';
import {
  anniversary,
  assumedPolicyStart,
  endOfDayInstant,
  exemptionExpiry,
  exemptionInForce,
  isAbove,
  monthsBefore,
  policyStart,
  sameName,
  shownFigure,
  validByExpiry,
  withinLastMonths,
} from '../../electron/contract/conventions';
import { isLocalMinute, localMinute, londonInstant, pounds } from '../../electron/contract/dates';
import { courseName, trainingCategories } from '../../electron/contract/training';

describe('anniversaries: the same day, or the first of the next month', () => {
  it('29/02/2024 + 2 years = 01/03/2026 (date-fns would clamp to 28/02)', () => {
    expect(anniversary('2024-02-29', 24)).toBe('2026-03-01');
    expect(anniversary('2024-02-29', 12)).toBe('2025-03-01');
    expect(anniversary('2024-02-29', 48)).toBe('2028-02-29');
  });
  it('31st of a month into a 30-day month, or February', () => {
    expect(anniversary('2026-08-31', 6)).toBe('2027-03-01');
    expect(anniversary('2026-01-31', 1)).toBe('2026-03-01');
    expect(anniversary('2026-05-31', 1)).toBe('2026-07-01');
    expect(anniversary('2026-03-30', 11)).toBe('2027-03-01');
  });
  it('an existing day stays, across years', () => {
    expect(anniversary('2026-11-24', 36)).toBe('2029-11-24');
    expect(anniversary('2026-12-15', 1)).toBe('2027-01-15');
    expect(anniversary('2026-01-31', 0)).toBe('2026-01-31');
  });
  it('refuses to subtract', () => {
    expect(() => anniversary('2026-01-31', -1)).toThrow(/monthsBefore/);
  });
});

describe('subtracting months clamps to the month end', () => {
  it('29/02/2028 less 12 months is 28/02/2027; 31/03 less a month is the end of February', () => {
    expect(monthsBefore('2028-02-29', 12)).toBe('2027-02-28');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2028-03-31', 1)).toBe('2028-02-29');
    expect(monthsBefore('2026-11-24', 24)).toBe('2024-11-24');
    expect(monthsBefore('2026-01-15', 1)).toBe('2025-12-15');
  });
});

describe('"within the last N months": met while as-of < E + N months', () => {
  it('the day before the anniversary is in, the anniversary is out', () => {
    expect(withinLastMonths('2025-11-24', 12, '2026-11-23')).toBe(true);
    expect(withinLastMonths('2025-11-24', 12, '2026-11-24')).toBe(false);
  });
  it('29 February: in until 28/02 of the next year, out on 01/03', () => {
    expect(withinLastMonths('2024-02-29', 12, '2025-02-28')).toBe(true);
    expect(withinLastMonths('2024-02-29', 12, '2025-03-01')).toBe(false);
  });
  it('valid time: an event after as-of does not count', () => {
    expect(withinLastMonths('2026-11-25', 12, '2026-11-24')).toBe(false);
    expect(withinLastMonths('2026-11-24', 12, '2026-11-24')).toBe(true);
  });
});

describe('expiry dates are the last day of validity', () => {
  it('valid on the day, lapsed the next', () => {
    expect(validByExpiry('2026-11-24', '2026-11-24')).toBe(true);
    expect(validByExpiry('2026-11-24', '2026-11-25')).toBe(false);
    expect(validByExpiry('2026-11-24', '2026-11-23')).toBe(true);
  });
  it('a policy with no start date started the day after 12 months before its expiry', () => {
    expect(assumedPolicyStart('2026-05-31')).toBe('2025-06-01');
    expect(assumedPolicyStart('2028-02-29')).toBe('2027-03-01');
    expect(policyStart({ expiresOn: '2026-05-31' })).toBe('2025-06-01');
    expect(policyStart({ startsOn: '2026-01-01', expiresOn: '2026-05-31' })).toBe('2026-01-01');
  });
  it('an exemption without an expiry (version 1) expires 12 months after the grant; in force from grant to expiry', () => {
    expect(exemptionExpiry({ grantedOn: '2024-02-29' })).toBe('2025-03-01');
    expect(exemptionExpiry({ grantedOn: '2026-01-10', expiresOn: '2026-06-30' })).toBe('2026-06-30');
    const e = { grantedOn: '2026-01-10', expiresOn: '2026-06-30' };
    expect(exemptionInForce(e, '2026-01-09')).toBe(false);
    expect(exemptionInForce(e, '2026-01-10')).toBe(true);
    expect(exemptionInForce(e, '2026-06-30')).toBe(true);
    expect(exemptionInForce(e, '2026-07-01')).toBe(false);
  });
});

describe('numbers are compared unrounded; only the words round', () => {
  it('8.004 is above 8 though it shows as 8', () => {
    expect(isAbove(8.004, 8)).toBe(true);
    expect(isAbove(8, 8)).toBe(false);
    expect(shownFigure(8.004)).toBe('8');
    expect(shownFigure(25 / 3)).toBe('8.33');
  });
});

describe('money is shown in pounds', () => {
  it('whole pounds without pence, otherwise always two places', () => {
    expect(pounds(5_000_000)).toBe('£5,000,000');
    expect(pounds(450.5)).toBe('£450.50');
    expect(pounds(1250.256)).toBe('£1,250.26');
  });
});

describe('names compare ignoring case and spacing', () => {
  it('"kim  BYRNE " is Kim Byrne', () => {
    expect(sameName('kim  BYRNE ', 'Kim Byrne')).toBe(true);
    expect(sameName('Kim Byrnes', 'Kim Byrne')).toBe(false);
  });
});

describe('"as of" a date is the end of that day in London', () => {
  it('is the first instant of the next day, in summer (BST) and winter (GMT)', () => {
    expect(new Date(endOfDayInstant('2026-07-10')).toISOString()).toBe('2026-07-10T23:00:00.000Z');
    expect(new Date(endOfDayInstant('2026-11-24')).toISOString()).toBe('2026-11-25T00:00:00.000Z');
  });
  it('local times map to instants through the clock changes', () => {
    expect(new Date(londonInstant('2026-10-03T16:40')).toISOString()).toBe('2026-10-03T15:40:00.000Z');
    // 25/10/2026: the clocks go back at 02:00 BST; 01:30 happens twice, the first (BST) is taken
    expect(new Date(londonInstant('2026-10-25T01:30')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // 29/03/2026: the clocks go forward at 01:00 GMT; 01:30 never happened
    expect(isLocalMinute('2026-03-29T01:30')).toBe(false);
    expect(localMinute.safeParse('2026-03-29T01:30').error?.issues[0]!.message).toMatch(/skipped/);
    expect(localMinute.safeParse('2026-02-30T10:00').error?.issues[0]!.message).toMatch(/real local time/);
    expect(localMinute.safeParse('2026-10-03 16:40').success).toBe(false);
    expect(localMinute.safeParse('2026-10-03T16:40').success).toBe(true);
  });
});

describe('training kinds: categories, and free text matched by whole words', () => {
  const cats = (kind: string) => trainingCategories({ kind });
  it('a category is itself; other answers no rule', () => {
    expect(cats('safeguarding')).toEqual(['safeguarding']);
    expect(cats(' Mental-Capacity ')).toEqual(['mental-capacity']);
    expect(cats('infosec')).toEqual(['infosec']);
    expect(cats('other')).toEqual([]);
  });
  it('the examples of rules.md', () => {
    expect(cats('Safeguarding adults level 3')).toEqual(['safeguarding']);
    expect(cats('Adult safeguarding')).toEqual(['safeguarding']);
    expect(cats('Mental Capacity Act level 2')).toEqual(['mental-capacity']);
    expect(cats('GDPR refresher')).toEqual(['infosec']);
    expect(cats('GDPR')).toEqual(['infosec']);
    expect(cats('MCA and DoLS')).toEqual(['mental-capacity']);
    expect(cats('Deprivation of Liberty Safeguards')).toEqual(['mental-capacity']);
    expect(cats('Information governance')).toEqual(['infosec']);
    expect(cats('Cyber security basics')).toEqual(['infosec']);
    expect(cats('Data protection')).toEqual(['infosec']);
  });
  it('whole words only: a word inside another does not count', () => {
    expect(cats('Moving and handling')).toEqual([]);
    expect(cats('MCAT preparation')).toEqual([]);
    expect(cats('Dolsworth seminar')).toEqual([]);
    expect(cats('Informational security')).toEqual([]);
  });
  it('a name naming two categories counts for both', () => {
    expect(cats('Safeguarding and the MCA')).toEqual(['safeguarding', 'mental-capacity']);
  });
  it('a course is named by its title, else its category, else its free text', () => {
    expect(courseName({ kind: 'safeguarding', title: 'Safeguarding adults level 3' })).toBe('Safeguarding adults level 3');
    expect(courseName({ kind: 'infosec' })).toBe('Information security and data protection');
    expect(courseName({ kind: 'Fire safety' })).toBe('Fire safety');
  });
});
