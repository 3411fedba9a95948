// Rows copied from a spreadsheet, pasted into a person's CPD log: checked by the spreadsheet
// importer (previewPastedRows), shown as its preview (rows to add, rows refused with the line,
// column, value and what is wanted), then added all at once.
import { useState } from 'react';
import type { ImportPlan } from '../../../../electron/contract/ops/intake';
import { useAction } from '../../data/query';
import { PlanView } from '../intake/PlanView';
import { useInlineFormFocus } from '../../components/focus';

export function PasteCpd({ staffRef }: { staffRef: string }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [done, setDone] = useState('');
  const preview = useAction('previewPastedRows');
  const add = useAction('addPastedRows');
  // Focus into the text box on opening, and back to the button (drawn again once the log reloads) on closing.
  const focusRef = useInlineFormFocus<HTMLElement>();
  const error = preview.error ?? add.error;
  const close = () => {
    setOpen(false);
    setPlan(null);
    setText('');
  };
  if (!open) {
    return (
      <div className="actions">
        <button
          type="button"
          className="secondary"
          data-focus-key="paste-cpd"
          onClick={() => {
            setOpen(true);
            setDone('');
          }}
        >
          Paste rows from a spreadsheet…
        </button>
        <p role="status" className="saved">
          {done}
        </p>
      </div>
    );
  }
  const toAdd = plan?.totals.add ?? 0;
  return (
    <section className="card paste-rows" aria-labelledby="paste-title" ref={focusRef}>
      <h3 id="paste-title">Paste CPD rows from a spreadsheet</h3>
      <p className="hint">
        Copy the rows in Excel or another spreadsheet and paste them below: date, topic, provider, then hours, category and reflection if you have them, or
        include the header row to use your own column order. Dates as dd/mm/yyyy or yyyy-mm-dd. They are checked as a spreadsheet import is.
      </p>
      <div className="field span-all">
        <label htmlFor="paste-text">Rows copied from a spreadsheet</label>
        <textarea
          id="paste-text"
          rows={6}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setPlan(null);
          }}
        />
      </div>
      <div className="actions">
        <button
          type="button"
          disabled={!text.trim() || preview.isPending}
          onClick={() => {
            add.reset();
            preview.mutate({ staffRef, kind: 'cpd', text }, { onSuccess: setPlan });
          }}
        >
          Check the rows
        </button>
        {plan && !plan.refused.length && toAdd > 0 ? (
          <button
            type="button"
            disabled={add.isPending}
            onClick={() =>
              add.mutate(
                { staffRef, kind: 'cpd', text, digest: plan.digest },
                {
                  onSuccess: (s) => {
                    setDone(`Added ${s.added.records} CPD ${s.added.records === 1 ? 'entry' : 'entries'} from the pasted rows.`);
                    close();
                  },
                },
              )
            }
          >
            Add {toAdd} {toAdd === 1 ? 'entry' : 'entries'}
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={close}>
          Cancel
        </button>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      ) : null}
      {plan ? <PlanView plan={plan} /> : null}
    </section>
  );
}
