// Every evidence file attached to a person's, supplier's or the firm's records, in the order the
// pack presents those records, each numbered (E1, E2, ...) so a checklist line can cite it.
import type { EvidenceMeta, FirmInfo, StaffSnapshot, Stored, SupplierSnapshot } from '../../contract/model';
import { courseName } from '../../contract/training';
import { dateOrDash, dbsLevelWord, decisionWord, policyWord } from './labels';

export interface EvidenceItem {
  /** E1, E2, ... in appendix order. */
  ref: string;
  /** The record the file belongs to, in words, e.g. "Professional indemnity: Balens, expires 31/03/2027". */
  record: string;
  /** The group of records, e.g. 'indemnity'; lets a checklist line find its files. */
  group: string;
  meta: EvidenceMeta;
}

interface Group {
  name: string;
  records: { record: string; evidence: readonly EvidenceMeta[] }[];
}
function group<T>(name: string, records: readonly Stored<T>[], describe: (r: T) => string): Group {
  return { name, records: records.filter((r) => r.evidence.length > 0).map((r) => ({ record: describe(r), evidence: r.evidence })) };
}
function collect(groups: Group[]): EvidenceItem[] {
  const out: EvidenceItem[] = [];
  for (const g of groups) {
    for (const r of g.records) {
      for (const meta of r.evidence) out.push({ ref: `E${out.length + 1}`, record: r.record, group: g.name, meta });
    }
  }
  return out;
}

export function staffEvidence(s: StaffSnapshot): EvidenceItem[] {
  return collect([
    group('indemnity', s.indemnity, (r) => `Professional indemnity: ${r.insurer}, expires ${dateOrDash(r.expiresOn)}`),
    group('cpd', s.cpd, (r) => `CPD: ${r.topic}, ${dateOrDash(r.date)}`),
    group('peerReviews', s.peerReviews, (r) => `Peer review: ${dateOrDash(r.date)} by ${r.reviewer}`),
    group('registrations', s.registrations, (r) => `Registration: ${r.body} ${r.number}`),
    group('dbs', s.dbs, (r) => `DBS certificate: ${dbsLevelWord(r.level)}, issued ${dateOrDash(r.issuedOn)}`),
    group('training', s.training, (r) => `Training: ${courseName(r)}, ${dateOrDash(r.completedOn)}`),
    group('exemptions', s.exemptions, (r) => `Exemption from ${r.rule}, agreed ${dateOrDash(r.grantedOn)}`),
  ]);
}

export function supplierEvidence(s: SupplierSnapshot): EvidenceItem[] {
  return collect([
    group('indemnity', s.indemnity, (r) => `Professional indemnity: ${r.insurer}, expires ${dateOrDash(r.expiresOn)}`),
    group('qualifications', s.qualifications, (r) => `Qualification: ${r.body}${r.number ? ' ' + r.number : ''}`),
    group('regulatory', s.regulatory, (r) => `Regulatory: ${r.scheme}${r.reference ? ' ' + r.reference : ''}`),
    group('fitnessChecks', s.fitnessChecks, (r) => `Register check: ${r.register}, ${dateOrDash(r.checkedOn)}`),
    group('dbs', s.dbs, (r) => `DBS certificate: ${dbsLevelWord(r.level)}, issued ${dateOrDash(r.issuedOn)}`),
    group('decisions', s.decisions, (r) => `Vetting decision: ${decisionWord(r.decision)}, ${dateOrDash(r.on)}`),
    group('exemptions', s.exemptions, (r) => `Exemption from ${r.rule}, agreed ${dateOrDash(r.grantedOn)}`),
  ]);
}

export function firmEvidence(f: FirmInfo): EvidenceItem[] {
  return collect([group('policies', f.policies, (r) => `Policy: ${r.title} (${policyWord(r.kind)}), reviewed ${dateOrDash(r.reviewedOn)}`)]);
}

/** "E2 pi.png, E3 schedule.pdf" for the files of the given record groups, or '' when there are none. */
export function citeGroups(items: readonly EvidenceItem[], groups: readonly string[]): string {
  return items
    .filter((i) => groups.includes(i.group))
    .map((i) => `${i.ref} ${i.meta.name}`)
    .join(', ');
}

/**
 * The firm's handover policy documents, numbered P1, P2... in policy order: the Legal Panel pack
 * names them and its evidence annex carries them under the same numbers (annexService.ts).
 */
export function handoverPolicyFiles(f: FirmInfo): EvidenceItem[] {
  const handover = f.policies.filter((p) => p.kind === 'handover');
  return collect([group('policies', handover, (r) => `Policy: ${r.title} (${policyWord(r.kind)}), reviewed ${dateOrDash(r.reviewedOn)}`)]).map((e, i) => ({
    ...e,
    ref: `P${i + 1}`,
  }));
}
