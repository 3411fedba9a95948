// The first run, after a vault is created: who you are, the firm (or "I work alone", which
// makes your own staff record), the rule settings with their defaults explained, then an
// offer to bring in what you already have. Saved in one go at the end (completeSetup).
// Route: /setup (the create-vault form goes there; Settings can change everything later).
import { useEffect, useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { inputs } from '../../../../electron/contract/api';
import { DEFAULT_SETTINGS, firmSettings, ref } from '../../../../electron/contract/model';
import { pounds } from '../../format';
import { useAction } from '../../data/query';
import { useContractForm } from '../../forms/useContractForm';
import { CheckInput, FormMessage, NumberInput, RadioInput, TextInput } from '../../forms/inputs';

type Setup = z.input<typeof inputs.completeSetup>;
const youForm = inputs.completeSetup.shape.you;
const firmForm = z
  .strictObject({
    alone: z.boolean(),
    name: z.string().trim().max(200, 'must be at most 200 characters').optional(),
    address: z.string().trim().max(500, 'must be at most 500 characters').optional(),
    codeOfConductSignatory: z.boolean(),
    ref: ref.optional(),
    profession: z.string().trim().max(120, 'must be at most 120 characters').optional(),
  })
  .superRefine((v, c) => {
    if (!v.alone && !v.name) c.addIssue({ code: 'custom', path: ['name'], message: 'is required' });
    if (v.alone && !v.ref) c.addIssue({ code: 'custom', path: ['ref'], message: 'is required (your reference as a case manager, e.g. JS-01)' });
  });
const rulesForm = firmSettings.pick({ warningDays: true, caseloadPerDayMax: true, supplierIndemnityMinGBP: true, retentionYears: true });

const STEPS = ['You', 'Your firm', 'Rule settings', 'Bring in evidence'] as const;

/** A reference from a name's initials: "Jane Smith" → "JS-01". */
const refFrom = (name: string) =>
  `${
    name
      .split(/\s+/)
      .map((w) => w[0] ?? '')
      .join('')
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')
      .slice(0, 4) || 'ME'
  }-01`;

export function SetupPage() {
  const [step, setStep] = useState(0);
  const [you, setYou] = useState<Setup['you']>({ name: '' });
  const [firm, setFirm] = useState<z.output<typeof firmForm> | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  // Each step's heading takes the focus, so a keyboard or screen-reader user starts at the top of it.
  useEffect(() => title.current?.focus(), [step]);
  return (
    <section aria-labelledby="page-title" className="setup">
      <h1 id="page-title">Set up Caseproof</h1>
      <ol className="steps" aria-label="Steps">
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === step ? 'step' : undefined} className={i === step ? 'current' : i < step ? 'done' : undefined}>
            {s}
          </li>
        ))}
      </ol>
      <h2 ref={title} tabIndex={-1}>
        Step {step + 1} of {STEPS.length}: {STEPS[step]}
      </h2>
      {step === 0 ? (
        <YouStep
          initial={you}
          onNext={(v) => {
            setYou(v);
            setStep(1);
          }}
        />
      ) : step === 1 ? (
        <FirmStep
          you={you}
          initial={firm}
          onBack={() => setStep(0)}
          onNext={(v) => {
            setFirm(v);
            setStep(2);
          }}
        />
      ) : step === 2 ? (
        <RulesStep you={you} firm={firm!} onBack={() => setStep(1)} onSaved={() => setStep(3)} />
      ) : (
        <ImportOffer alone={firm?.alone ? firm.ref : undefined} />
      )}
    </section>
  );
}

function YouStep({ initial, onNext }: { initial: Setup['you']; onNext: (v: Setup['you']) => void }) {
  const f = useContractForm(youForm, initial);
  return (
    <form className="card form-grid" aria-label="You" noValidate onSubmit={f.submit(async (v) => onNext(v))}>
      <TextInput form={f} name="name" label="Your name" required hint="Recorded as who added evidence or granted an exemption." autoFocus />
      <TextInput form={f} name="role" label="Your role" hint="For example Practice manager, or Case manager." />
      <FormMessage form={f} />
      <div className="actions">
        <button type="submit">Next</button>
      </div>
    </form>
  );
}

function FirmStep({
  you,
  initial,
  onBack,
  onNext,
}: {
  you: Setup['you'];
  initial: z.output<typeof firmForm> | null;
  onBack: () => void;
  onNext: (v: z.output<typeof firmForm>) => void;
}) {
  const f = useContractForm(firmForm, initial ?? { alone: false, codeOfConductSignatory: false, ref: refFrom(you.name) });
  const alone = useWatch({ control: f.control, name: 'alone' });
  return (
    <form className="card form-grid" aria-label="Your firm" noValidate onSubmit={f.submit(async (v) => onNext(v))}>
      <RadioInput
        form={f}
        name="alone"
        legend="How do you work?"
        options={[
          [false, 'In a firm with other case managers'],
          [true, 'I work alone'],
        ]}
      />
      <TextInput
        form={f}
        name="name"
        label={alone ? 'Your practice’s name' : 'Firm name'}
        required={!alone}
        hint={alone ? `Left blank, your own name (${you.name}) is used.` : undefined}
      />
      <TextInput form={f} name="address" label="Address" multiline />
      <CheckInput
        form={f}
        name="codeOfConductSignatory"
        label={alone ? 'I have signed the MTSP code of conduct' : 'The firm has signed the MTSP code of conduct'}
      />
      {alone ? (
        <>
          <p className="hint">Caseproof makes your own staff record, so your evidence (DBS, indemnity, CPD…) has somewhere to go.</p>
          <TextInput form={f} name="ref" label="Your reference" required hint="A short reference for you as a case manager, e.g. JS-01." />
          <TextInput form={f} name="profession" label="Your profession" hint="For example Occupational therapist." />
        </>
      ) : null}
      <FormMessage form={f} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onBack}>
          Back
        </button>
        <button type="submit">Next</button>
      </div>
    </form>
  );
}

function RulesStep({ you, firm, onBack, onSaved }: { you: Setup['you']; firm: z.output<typeof firmForm>; onBack: () => void; onSaved: () => void }) {
  const d = DEFAULT_SETTINGS;
  const f = useContractForm(rulesForm, {
    warningDays: d.warningDays,
    caseloadPerDayMax: d.caseloadPerDayMax,
    supplierIndemnityMinGBP: d.supplierIndemnityMinGBP,
    retentionYears: d.retentionYears,
  });
  const save = useAction('completeSetup');
  return (
    <form
      className="card form-grid"
      aria-label="Rule settings"
      noValidate
      onSubmit={f.submit(async (settings) => {
        await save.mutateAsync({
          you,
          firm: { name: firm.name || you.name, ...(firm.address ? { address: firm.address } : {}), codeOfConductSignatory: firm.codeOfConductSignatory },
          ...(firm.alone && firm.ref ? { alone: { ref: firm.ref, ...(firm.profession ? { profession: firm.profession } : {}) } } : {}),
          settings,
        });
        onSaved();
      })}
    >
      <p className="hint">These are the usual values; keep them unless your firm has decided otherwise. Settings can change them at any time.</p>
      <NumberInput
        form={f}
        name="warningDays"
        label="Warning window (days)"
        hint={`Evidence that lapses within this many days shows as due soon, and is listed on the dashboard. Usually ${d.warningDays}.`}
      />
      <NumberInput
        form={f}
        name="caseloadPerDayMax"
        label="Open-active cases per working day, at most"
        hint={`The MTSP code asks for a manageable caseload: more open-active cases per day worked than this shows as not met. Usually ${d.caseloadPerDayMax}.`}
      />
      <NumberInput
        form={f}
        name="supplierIndemnityMinGBP"
        label="Minimum supplier indemnity (£)"
        hint={`The least professional indemnity a therapy supplier must hold to be approved. Usually ${pounds(d.supplierIndemnityMinGBP)}.`}
      />
      <NumberInput
        form={f}
        name="retentionYears"
        label="Keep closed cases for (years)"
        hint={`How long after closing a case its record is kept before Caseproof lists it for deletion. Usually ${d.retentionYears}.`}
      />
      <FormMessage form={f} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onBack}>
          Back
        </button>
        <button type="submit" disabled={f.formState.isSubmitting}>
          {f.formState.isSubmitting ? 'Saving…' : 'Save and continue'}
        </button>
      </div>
    </form>
  );
}

function ImportOffer({ alone }: { alone?: string }) {
  return (
    <div className="card">
      <p className="saved" role="status">
        Set-up saved.
      </p>
      <p>Bring in evidence you already have, or start adding it by hand:</p>
      <ul className="offer">
        <li>
          <Link to="/import/{-$source}" params={{ source: 'spreadsheet' }}>
            Import a spreadsheet
          </Link>{' '}
          <span className="hint">(CPD, training, DBS, indemnity and more; templates to fill in are there)</span>
        </li>
        <li>
          <Link to="/import/{-$source}" params={{ source: 'firm-file' }}>
            Import a firm file
          </Link>{' '}
          <span className="hint">(from another Caseproof)</span>
        </li>
        <li>
          <Link to="/import/{-$source}" params={{ source: 'passport' }}>
            Import an evidence passport
          </Link>{' '}
          <span className="hint">(a case manager’s own evidence, sent to you)</span>
        </li>
      </ul>
      <div className="actions">
        {alone ? (
          <Link to="/staff/$ref/{-$tab}" params={{ ref: alone, tab: 'dbs' }} search={{ add: 1 }}>
            Add your evidence
          </Link>
        ) : (
          <Link to="/staff">Add your staff</Link>
        )}
        <Link to="/dashboard">Go to the dashboard</Link>
      </div>
    </div>
  );
}
