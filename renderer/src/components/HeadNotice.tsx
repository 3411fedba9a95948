// A calm notice after unlock when Caseproof could not check where the audit trail ends (no head
// file beside the vault yet, one it cannot read, or another vault's): VaultState.headNotice. It
// is not damage (DamageBanner is for that); the head has been written, so it can be put away.
import { useState } from 'react';

export function HeadNotice({ notice }: { notice: string | null }) {
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!notice || dismissed === notice) return null;
  return (
    <section className="head-notice" role="status" aria-label="Audit trail check">
      <p>{notice}</p>
      <button type="button" className="secondary" onClick={() => setDismissed(notice)}>
        Dismiss
      </button>
    </section>
  );
}
