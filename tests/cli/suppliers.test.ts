// Suppliers through the real CLI: status --json at the boundaries of the SUP-* rules for
// imported suppliers (a decision reaching its review date, DBS not applicable, indemnity
// expiry, a per-service minimum), re-vetting in `due`, and import → export → import giving
// the same suppliers, evidence and all.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { defaultExemptionExpiry } from '../../electron/contract/exemptions';
import { makePng } from '../support/png';
import { tempDir } from '../support/tmp';

type Result = { rule: string; status: string; reason: string; changesOn?: string };
type Status = { asOf: string; suppliers: { ref: string; status: string; rules: Result[] }[] };

const PNG = Buffer.from(makePng(6, 6, [200, 40, 40])).toString('base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n').toString('base64');

/** A supplier meeting every rule on 2026-11-24 unless overridden. */
function supplier(ref: string, over: Record<string, unknown> = {}) {
  return {
    ref,
    name: `Supplier ${ref}`,
    kind: 'organisation',
    services: ['physiotherapy'],
    soleTrader: false,
    worksWithClients: true,
    cvOnFile: true,
    safeguardingOn: '2025-06-01',
    serviceArea: 'West Yorkshire',
    acceptanceCriteria: 'Adults with neurological injury',
    evidenceBase: 'NICE NG211',
    indemnity: [{ insurer: 'Balens', coverGBP: 2_000_000, expiresOn: '2027-09-30', evidence: [{ name: 'pi.pdf', mediaType: 'application/pdf', base64: PDF }] }],
    qualifications: [{ body: 'HCPC', number: 'PH1', evidence: [{ name: 'hcpc.png', mediaType: 'image/png', base64: PNG }] }],
    dbs: [{ level: 'enhanced', issuedOn: '2025-03-01' }],
    regulatory: [{ scheme: 'ICO', reference: 'ZA1' }],
    fitnessChecks: [{ checkedOn: '2026-10-01', register: 'HCPC', result: 'clear' }],
    decisions: [{ decision: 'approved', by: 'Kim Byrne', on: '2026-10-02', nextReviewOn: '2027-10-02' }],
    ...over,
  };
}

function firmFile() {
  return {
    format: 'caseproof-firm',
    version: 1,
    firm: { name: 'Aire Valley Case Management', codeOfConductSignatory: true, settings: { supplierIndemnityMinByService: { psychology: 5_000_000 } } },
    suppliers: [
      // Approved a year ago; the review falls due on 24/11/2026.
      supplier('SUP-A', { decisions: [{ decision: 'approved', by: 'Kim Byrne', on: '2025-11-24', nextReviewOn: '2026-11-24' }] }),
      // Does not work with clients: no DBS needed.
      supplier('SUP-B', { worksWithClients: false, dbs: undefined }),
      // Indemnity's last day of cover is 24/11/2026.
      supplier('SUP-C', { indemnity: [{ insurer: 'Hiscox', coverGBP: 1_000_000, expiresOn: '2026-11-24' }] }),
      // A psychologist with £4m cover where the firm asks £5m for psychology.
      supplier('SUP-D', {
        kind: 'individual',
        services: ['Psychology'],
        indemnity: [{ insurer: 'Howden', coverGBP: 4_000_000, expiresOn: '2027-09-30' }],
        documents: [{ topic: 'cv', title: 'CV and experience', evidence: [{ name: 'cv.pdf', mediaType: 'application/pdf', base64: PDF }] }],
        exemptions: [{ rule: 'SUP-EVIDENCE-BASED', reason: 'Assessment only', grantedBy: 'Kim Byrne', grantedOn: '2026-01-05' }],
      }),
    ],
  };
}

function vaultWith(file: object) {
  const dir = tempDir();
  const vault = path.join(dir, 'firm.cpv');
  const json = path.join(dir, 'firm.json');
  writeFileSync(json, JSON.stringify(file));
  expect(cli(['init', '--vault', vault]).code).toBe(0);
  const imp = cli(['import', '--vault', vault, json]);
  expect(imp.code, imp.stderr).toBe(0);
  return { dir, vault, imp };
}
function status(vault: string, asOf: string): Status {
  const r = cli(['status', '--vault', vault, '--json', '--as-of', asOf]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Status;
}
const ruleOf = (s: Status, ref: string, rule: string): Result => s.suppliers.find((x) => x.ref === ref)!.rules.find((r) => r.rule === rule)!;

describe('suppliers through the CLI', () => {
  it('status --json shows SUP results at their boundaries for imported suppliers', () => {
    const { vault, imp } = vaultWith(firmFile());
    expect(imp.stdout).toContain('Added: 0 staff, 4 suppliers');
    const before = status(vault, '2026-11-23');
    const on = status(vault, '2026-11-24');
    const after = status(vault, '2026-11-25');

    // A decision reaching its review date: met the day before, not met on the day.
    expect(ruleOf(before, 'SUP-A', 'SUP-VETTING-DECISION')).toMatchObject({ status: 'due_soon', changesOn: '2026-11-24' });
    expect(ruleOf(on, 'SUP-A', 'SUP-VETTING-DECISION')).toEqual({
      rule: 'SUP-VETTING-DECISION',
      status: 'not_met',
      reason: 'Approved by Kim Byrne on 24/11/2025 but the review due on 24/11/2026 has passed',
    });
    expect(on.suppliers.find((x) => x.ref === 'SUP-A')!.status).toBe('not_met');

    // DBS is not applicable for a supplier who does not work with clients; overall still met.
    expect(ruleOf(on, 'SUP-B', 'SUP-DBS').status).toBe('not_applicable');
    expect(on.suppliers.find((x) => x.ref === 'SUP-B')!.status).toBe('met');

    // Indemnity: expiresOn is the last day of cover.
    expect(ruleOf(on, 'SUP-C', 'SUP-INDEMNITY')).toMatchObject({ status: 'due_soon', changesOn: '2026-11-25' });
    expect(ruleOf(after, 'SUP-C', 'SUP-INDEMNITY').status).toBe('not_met');

    // The firm's psychology minimum applies to a supplier offering psychology.
    expect(ruleOf(on, 'SUP-D', 'SUP-INDEMNITY')).toEqual({
      rule: 'SUP-INDEMNITY',
      status: 'not_met',
      reason: 'Howden policy is in force to 30/09/2027 but its cover of £4,000,000 is below £5,000,000 for Psychology',
    });
    expect(ruleOf(on, 'SUP-D', 'SUP-EVIDENCE-BASED').status).toBe('exempt');
    // The rules come in catalogue order, all eleven.
    expect(on.suppliers[0].rules.map((r) => r.rule)).toEqual([
      'SUP-INDEMNITY',
      'SUP-QUALIFICATION',
      'SUP-EXPERIENCE',
      'SUP-SAFEGUARDING',
      'SUP-REGULATORY',
      'SUP-FITNESS-TO-PRACTISE',
      'SUP-SERVICE-COVERAGE',
      'SUP-DBS',
      'SUP-SOLE-PRACTITIONER',
      'SUP-EVIDENCE-BASED',
      'SUP-VETTING-DECISION',
    ]);
  });

  it('due lists the coming re-vetting on its review date, and once it has passed lists it first as overdue', () => {
    const { vault } = vaultWith(firmFile());
    const r = cli(['due', '--vault', vault, '--json', '--as-of', '2026-11-01', '--days', '30']);
    expect(r.code, r.stderr).toBe(0);
    const items = (JSON.parse(r.stdout) as { items: { subject: string; ref: string; rule: string; changesOn: string }[] }).items;
    expect(items).toContainEqual(expect.objectContaining({ subject: 'supplier', ref: 'SUP-A', rule: 'SUP-VETTING-DECISION', changesOn: '2026-11-24' }));
    const text = cli(['due', '--vault', vault, '--as-of', '2026-11-01', '--days', '30']);
    expect(text.stdout).toMatch(/24\/11\/2026 {2}supplier SUP-A \(Supplier SUP-A\) {2}SUP-VETTING-DECISION: Approved by Kim Byrne/);
    const later = JSON.parse(cli(['due', '--vault', vault, '--json', '--as-of', '2026-11-24', '--days', '30']).stdout) as {
      items: { ref: string; rule: string; overdue?: boolean; changesOn: string }[];
    };
    expect(later.items[0]).toMatchObject({ ref: 'SUP-A', rule: 'SUP-VETTING-DECISION', overdue: true, changesOn: '2026-11-24' });
    expect(later.items.filter((i) => i.ref === 'SUP-A' && i.rule === 'SUP-VETTING-DECISION')).toHaveLength(1);
  });

  it('import then export gives the same suppliers, and a second vault exports them identically', () => {
    const source = firmFile();
    const { dir, vault } = vaultWith(source);
    const out1 = path.join(dir, 'export1.json');
    expect(cli(['export', '--vault', vault, '--out', out1]).code).toBe(0);
    const exported = JSON.parse(readFileSync(out1, 'utf8')) as { suppliers: unknown[]; firm: { settings: Record<string, unknown> } };
    // Version 2 writes a document's topic as `kind`; an exemption without an expiry gets the default (12 months).
    type Sup = { documents?: { topic: string }[]; exemptions?: { grantedOn: string }[] };
    const asWritten = (source.suppliers as Sup[]).map((s) => ({
      ...s,
      ...(s.documents ? { documents: s.documents.map(({ topic, ...d }) => ({ kind: topic, ...d })) } : {}),
      ...(s.exemptions ? { exemptions: s.exemptions.map((e) => ({ ...e, expiresOn: defaultExemptionExpiry(e.grantedOn) })) } : {}),
    }));
    expect(exported.suppliers).toEqual(asWritten);
    expect(exported.firm.settings.supplierIndemnityMinByService).toEqual({ psychology: 5_000_000 });

    const second = vaultWith(exported);
    expect(second.imp.stdout).toContain('4 suppliers');
    expect(second.imp.stdout).toContain('7 evidence files');
    const out2 = path.join(second.dir, 'export2.json');
    expect(cli(['export', '--vault', second.vault, '--out', out2]).code).toBe(0);
    expect(JSON.parse(readFileSync(out2, 'utf8')).suppliers).toEqual(exported.suppliers);
    expect(status(second.vault, '2026-11-24').suppliers).toEqual(status(vault, '2026-11-24').suppliers);
  });

  it('refuses a firm file whose supplier decision is not a known kind, naming the path, and imports nothing', () => {
    const bad = firmFile();
    (bad.suppliers[1] as { decisions?: unknown[] }).decisions = [{ decision: 'maybe', by: 'Kim Byrne', on: '2026-01-01' }];
    const dir = tempDir();
    const vault = path.join(dir, 'v.cpv');
    const json = path.join(dir, 'bad.json');
    writeFileSync(json, JSON.stringify(bad));
    expect(cli(['init', '--vault', vault]).code).toBe(0);
    const r = cli(['import', '--vault', vault, json]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('suppliers[1].decisions[0].decision: must be approved, conditional or rejected');
    expect(status(vault, '2026-11-24').suppliers).toEqual([]);
  });
});
