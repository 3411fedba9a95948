// A supplier's vetting state as words with a colour and a symbol (never colour alone),
// using the same colours as the rule statuses.
import { VETTING_WORDS, type VettingState } from '../../../../electron/contract/ops/suppliers';

const LOOK: Record<VettingState, { cls: string; symbol: string }> = {
  approved: { cls: 'status-met', symbol: '✓' },
  conditional: { cls: 'status-met', symbol: '✓' },
  'needs-revetting': { cls: 'status-due_soon', symbol: '!' },
  rejected: { cls: 'status-not_met', symbol: '✕' },
  'not-vetted': { cls: 'status-not_applicable', symbol: '–' },
};

export function VettingBadge({ state }: { state: VettingState }) {
  const l = LOOK[state];
  return (
    <span className={`status ${l.cls}`} data-vetting={state}>
      <span aria-hidden="true">{l.symbol} </span>
      {VETTING_WORDS[state]}
    </span>
  );
}
