// Every exemption recorded for a case manager or a supplier, as the packs print it: the rule,
// the reason, who granted it and when, its expiry and whether it stood on the pack's date.
// The rule-by-rule table already says "Exempt until DATE: reason (granted by NAME on DATE)"
// for each exemption in force; this list also shows those expired, not yet granted, or refused.
import type { FileChild } from 'docx';
import { exemptionExpiry, exemptionProblem, type ExemptionSubject } from '../../contract/exemptions';
import { type IsoDate, ukDate } from '../../contract/dates';
import type { Exemption } from '../../contract/model';
import { ruleTitle } from '../../contract/rules';
import { type CellValue, dataTable, h2, note, type PackContext } from './parts';

/** How an exemption stood on `asOf`. */
export function exemptionStanding(e: Exemption, subject: ExemptionSubject, asOf: IsoDate): string {
  const problem = exemptionProblem({ rule: e.rule, grantedOn: e.grantedOn }, subject);
  if (problem) return 'Not applied: this rule cannot be exempted';
  if (e.grantedOn > asOf) return `Not yet granted on ${ukDate(asOf)}`;
  if (asOf > exemptionExpiry(e)) return `Expired on ${ukDate(exemptionExpiry(e))}`;
  return `In force on ${ukDate(asOf)}`;
}

export function exemptionsTable(ctx: PackContext, exemptions: readonly Exemption[], subject: ExemptionSubject, asOf: IsoDate): FileChild[] {
  const sorted = [...exemptions].sort((a, b) => (a.grantedOn < b.grantedOn ? 1 : a.grantedOn > b.grantedOn ? -1 : 0));
  return [
    h2('Exemptions'),
    note('An exemption is an agreed reason why a rule does not apply for a while. It is never counted as met.'),
    ...dataTable(
      ctx,
      [
        { title: 'Rule', weight: 20 },
        { title: 'Reason', weight: 30 },
        { title: 'Granted by', weight: 14 },
        { title: 'Granted on', weight: 11 },
        { title: 'Until', weight: 11 },
        { title: 'Standing', weight: 14 },
      ],
      sorted.map((e): CellValue[] => [
        { lines: [e.rule, ruleTitle(e.rule)], small: true },
        e.reason,
        e.grantedBy,
        ukDate(e.grantedOn),
        ukDate(exemptionExpiry(e)),
        exemptionStanding(e, subject, asOf),
      ]),
    ),
  ];
}
