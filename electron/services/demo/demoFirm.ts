// A realistic demo firm for a first look (`caseproof demo`): a handful of case managers
// with a mix of complete, lapsing and missing evidence, vetted and unvetted suppliers,
// and open and closed cases. Dates are relative to the day it is made, so the dashboard
// always has something due soon. Names are invented.
import { plusDays, plusMonths, type IsoDate } from '../../contract/dates';
import type { ImportSummary } from '../../contract/views';
import type { Ctx } from '../context';
import { addRecord } from '../evidence/records';
import type { FirmFile } from '../interchange/firmFileSchema';
import { importFirmFile } from '../interchange/importFirmFile';

// A 1×1 PNG, so the demo has evidence files to show.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC';
const file = (name: string) => [{ name, mediaType: 'image/png' as const, base64: PNG }];

export function demoFirm(today: IsoDate): FirmFile {
  const d = (months: number, days = 0) => plusDays(plusMonths(today, months), days);
  const people = [
    { ref: 'CM-01', name: 'Harriet Okafor', profession: 'Occupational therapist', since: -120, qual: -180, days: 5, good: true },
    { ref: 'CM-02', name: 'Dylan Price', profession: 'Physiotherapist', since: -40, qual: -90, days: 3, good: true },
    { ref: 'CM-03', name: 'Priya Nair', profession: 'Registered nurse', since: -30, qual: -60, days: 4, good: false },
    { ref: 'CM-04', name: 'Tom Gallagher', profession: 'Social worker', since: -14, qual: -48, days: 2, good: false },
  ];
  return {
    format: 'caseproof-firm',
    version: 1,
    firm: {
      name: 'Northgate Rehabilitation (demo)',
      address: '12 Example Street, Leeds LS1 1AA',
      codeOfConductSignatory: true,
      policies: [
        // Due soon at the firm: the handover policy's review. The whistleblowing and lone-working
        // policies are current, since every case manager must acknowledge them (STAFF-POLICY-ACK).
        { kind: 'handover', title: 'Case handover and continuity', reviewedOn: d(-11, -10) },
        { kind: 'whistleblowing', title: 'Speaking up (whistleblowing)', reviewedOn: d(-3) },
        { kind: 'complaints', title: 'Complaints and client feedback', reviewedOn: d(-5) },
        { kind: 'lone-working', title: 'Lone working', reviewedOn: d(-4) },
        { kind: 'infosec', title: 'Information security and data protection', reviewedOn: d(-2), evidence: file('infosec-policy.png') },
      ],
    },
    staff: people.map((p, i) => ({
      ref: p.ref,
      name: p.name,
      profession: p.profession,
      employment: i === 3 ? 'self-employed' : 'employed',
      solePractitioner: i === 3,
      caseManagementSince: d(p.since),
      qualifiedOn: d(p.qual),
      daysPerWeek: p.days,
      dbs: [
        {
          level: 'enhanced-barred',
          issuedOn: p.good ? d(-10) : d(-35, -20),
          updateService: i === 1,
          ...(i === 1 ? { lastStatusCheckOn: d(-2) } : {}),
          evidence: file('dbs.png'),
        },
      ],
      indemnity: [
        {
          insurer: 'Example Mutual',
          policyNumber: `PI-${1000 + i}`,
          coverGBP: i === 2 ? 2_000_000 : 5_000_000,
          startsOn: d(-11),
          expiresOn: i === 0 ? d(6) : i === 1 ? d(0, 25) : d(1),
          heldBy: i === 3 ? 'self' : 'employer',
          evidence: file('indemnity.png'),
        },
      ],
      registrations: [
        { body: i === 2 ? 'NMC' : i === 3 ? 'Social Work England' : 'HCPC', number: `${p.ref}-REG`, expiresOn: d(14), lastCheckedOn: p.good ? d(-1) : d(-13) },
      ],
      cpd: Array.from({ length: p.good ? 10 : 3 }, (_, k) => ({
        date: d(-2 * k - 1),
        topic: [
          'Goal setting after brain injury',
          'Mental capacity assessments',
          'Vocational rehabilitation',
          'Safeguarding adults',
          'Managing fatigue',
          'Spinal cord injury pathways',
          'Report writing',
          'Working with deputies',
          'Motivational interviewing',
          'Pain management',
        ][k % 10],
        provider: ['BABICM', 'CMSUK', 'UKABIF', 'VRA'][k % 4],
        hours: 3 + (k % 3),
        reflection: 'Changed how I plan reviews with the client and family.',
      })),
      training: p.good
        ? [
            { kind: 'safeguarding', completedOn: d(-6), provider: 'Local authority' },
            { kind: 'mental-capacity', completedOn: d(-8) },
            { kind: 'infosec', completedOn: i === 0 ? d(-3) : d(-11, -5) },
          ]
        : [{ kind: 'safeguarding', completedOn: d(-40) }],
      // A peer reviews someone else (rules v2), across all four areas of MTSP Organisation D.
      peerReviews: p.good
        ? [
            {
              date: d(-2),
              reviewer: i === 0 ? 'Dylan Price' : 'Harriet Okafor',
              casesReviewed: 3,
              areas: ['decision-making', 'interventions', 'communications', 'goal-setting'],
            },
          ]
        : [],
    })),
    suppliers: [
      {
        ref: 'SP-01',
        name: 'Pennine Neuro Physiotherapy',
        kind: 'organisation',
        services: ['physiotherapy'],
        soleTrader: false,
        worksWithClients: true,
        indemnity: [{ insurer: 'Example Mutual', coverGBP: 2_000_000, expiresOn: d(7) }],
        qualifications: [{ body: 'HCPC', number: 'PH12345', evidence: file('hcpc.png') }],
        cvOnFile: true,
        safeguardingOn: d(-12),
        dbs: [{ level: 'enhanced', issuedOn: d(-12) }],
        regulatory: [{ scheme: 'ICO', reference: 'ZA123456', expiresOn: d(6) }],
        fitnessChecks: [{ checkedOn: d(-1), register: 'HCPC', result: 'clear' }],
        serviceArea: 'West Yorkshire',
        acceptanceCriteria: 'Adults with neurological conditions',
        evidenceBase: 'NICE NG211',
        decisions: [{ decision: 'approved', by: 'Harriet Okafor', on: d(-1), nextReviewOn: d(11) }],
      },
      {
        ref: 'SP-02',
        name: 'Calm Minds Psychology',
        kind: 'individual',
        services: ['psychology'],
        soleTrader: true,
        safeguardsNote: 'Clinical supervision monthly; lone-worker app',
        worksWithClients: true,
        indemnity: [{ insurer: 'Example Mutual', coverGBP: 1_000_000, expiresOn: d(0, 20) }],
        qualifications: [{ body: 'HCPC', number: 'PYL0001' }],
        cvOnFile: false,
        decisions: [{ decision: 'conditional', by: 'Dylan Price', on: d(-13), nextReviewOn: d(-1), note: 'Send CV and DBS' }],
      },
    ],
    cases: Array.from({ length: 24 }, (_, k) => {
      const manager = people[k % 4].ref;
      const status = k % 6 === 5 ? 'closed' : k % 4 === 3 ? 'monitoring' : 'open-active';
      return {
        ref: `NR-${String(k + 1).padStart(3, '0')}`,
        initials: ['AB', 'CD', 'EF', 'GH', 'JK', 'LM'][k % 6],
        caseManager: manager,
        instructingParty: {
          name: ['Fenby & Co Solicitors', 'Harbour Insurance', 'Court of Protection deputy'][k % 3],
          kind: (['solicitor', 'insurer', 'deputy'] as const)[k % 3],
        },
        funding: (['claimant-solicitor', 'joint-instruction', 'deputy'] as const)[k % 3],
        injury: (['brain', 'spinal', 'orthopaedic', 'polytrauma'] as const)[k % 4],
        status,
        ...(status === 'closed' ? { closedReason: 'goals achieved', closedOn: d(-1) } : {}),
        referredOn: d(-10 - (k % 6)),
        openedOn: d(-9 - (k % 6)),
        rehabPrescriptionRequestedOn: d(-9),
        preInaRequestedOn: d(-9),
        ...(k % 3 ? { preInaReviewedOn: d(-8) } : { preInaUnavailable: true }),
        nhsContactOn: d(-8),
        nhsTeam: 'Major trauma centre rehab team',
        rehabPlanOn: d(-7),
        rehabPlanShared: k % 5 !== 0,
        consentRecordedOn: d(-9),
        riskReviewedOn: k % 4 === 0 ? d(-3, 10) : d(-1),
        ...(k % 8 === 0 ? { instructions: [{ supplier: 'SP-01', on: d(0, -20), service: 'physiotherapy' }] } : {}),
      };
    }),
  };
}

/**
 * The demo's policy acknowledgements: the two case managers with complete records have read the
 * current whistleblowing and lone-working policies. (Recorded after the import: the version-1
 * firm file has no field for them.)
 */
export function demoPolicyAcknowledgements(today: IsoDate): { staffRef: string; policy: 'whistleblowing' | 'lone-working'; on: IsoDate }[] {
  const on = plusMonths(today, -2);
  return ['CM-01', 'CM-02'].flatMap((staffRef) => (['whistleblowing', 'lone-working'] as const).map((policy) => ({ staffRef, policy, on })));
}

/** Fills an empty vault with the demo firm, as `caseproof demo` does. */
export function seedDemoFirm(ctx: Ctx): ImportSummary {
  const summary = importFirmFile(ctx, demoFirm(ctx.clock.today()));
  ctx.vault.tx(() => {
    for (const a of demoPolicyAcknowledgements(ctx.clock.today()))
      addRecord(ctx, { type: 'staff', ref: a.staffRef }, 'policyAck', { policy: a.policy, on: a.on });
  });
  return summary;
}
