// A case's own status (referral, open active, monitoring, closed) as a word on a tinted pill.
import type { CaseSnapshot } from '../../../../electron/contract/model';
import { CASE_STATUS_WORDS } from './words';

export function CaseStatus({ status }: { status: CaseSnapshot['status'] }) {
  return <span className={`case-status case-status-${status}`}>{CASE_STATUS_WORDS[status]}</span>;
}
