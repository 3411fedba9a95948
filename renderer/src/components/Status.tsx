// A status shown as a word with a colour and a symbol: never colour alone.
import { STATUS_WORDS, type RuleStatus } from '../../../electron/contract/compliance';

const SYMBOL: Record<RuleStatus, string> = { not_met: '✕', due_soon: '!', met: '✓', exempt: '–', not_applicable: '–' };

export function StatusBadge({ status }: { status: RuleStatus }) {
  return (
    <span className={`status status-${status}`}>
      <span aria-hidden="true">{SYMBOL[status]} </span>
      {STATUS_WORDS[status]}
    </span>
  );
}
