// "Export evidence passport…" on a staff member's details: their own record and evidence as
// one encrypted file, with a passphrase chosen for it (typed twice), to send to any firm
// they work for. The firm opens it from Import → An evidence passport.
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useInlineFormFocus } from '../../components/focus';
import { inputs } from '../../../../electron/contract/api';
import { passphraseStrength } from '../../../../electron/contract/passphrase';
import { useAction } from '../../data/query';
import { useContractForm } from '../../forms/useContractForm';
import { FormMessage, TextInput } from '../../forms/inputs';

const form = inputs.exportPassportToDialog
  .omit({ staffRef: true })
  .extend({ confirm: inputs.exportPassportToDialog.shape.passphrase })
  .superRefine((v, c) => {
    if (v.confirm !== v.passphrase) c.addIssue({ code: 'custom', path: ['confirm'], message: 'does not match the passphrase' });
  });

export function PassportExport({ staffRef, name }: { staffRef: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const f = useContractForm(form, { passphrase: '', confirm: '' });
  const save = useAction('exportPassportToDialog');
  const passphrase = useWatch({ control: f.control, name: 'passphrase' }) ?? '';
  const focusRef = useInlineFormFocus<HTMLFormElement>();
  if (!open)
    return (
      <div className="actions">
        <button className="secondary" onClick={() => (setSaved(null), setOpen(true))}>
          Export evidence passport…
        </button>
        {saved ? (
          <span className="saved" role="status">
            Saved the passport to {saved}. Send the passphrase separately (by phone, say), never with the file.
          </span>
        ) : null}
      </div>
    );
  return (
    <form
      className="card form-grid"
      ref={focusRef}
      aria-label="Export evidence passport"
      noValidate
      onSubmit={f.submit(async ({ passphrase: p }) => {
        const r = await save.mutateAsync({ staffRef, passphrase: p });
        if (r.path) {
          setSaved(r.path);
          setOpen(false);
        }
      })}
    >
      <h3>Evidence passport for {name}</h3>
      <p className="hint">
        One encrypted file with {name}’s details and evidence (DBS checks, indemnity, registrations, CPD, training, peer reviews and their files), for another
        firm to import. Choose a passphrase for it; whoever opens it needs that passphrase.
      </p>
      <TextInput form={f} name="passphrase" label="Passphrase for the passport" type="password" required autoFocus />
      <div className="hint" aria-live="polite">
        Strength: <strong>{passphrase ? passphraseStrength(passphrase).word : '—'}</strong>
      </div>
      <TextInput form={f} name="confirm" label="Passphrase again" type="password" required />
      <FormMessage form={f} />
      <div className="actions">
        <button type="submit" disabled={f.formState.isSubmitting}>
          Save the passport…
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
