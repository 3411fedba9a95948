// A banner across the top of every page when the checks after unlock find something that does
// not match: a damaged page, or an audit trail whose entries no longer hold together
// (VaultState.damage, and the `damage` event as soon as it is found). Words, not just colour.
import { useEffect, useState } from 'react';

export function DamageBanner({ initial }: { initial: string | null }) {
  const [found, setFound] = useState<string[]>([]);
  useEffect(() => window.caseproof.on('damage', (e) => setFound((was) => (was.includes(e.message) ? was : [...was, e.message]))), []);
  const messages = [...new Set([...(initial ? [initial] : []), ...found])];
  if (!messages.length) return null;
  return (
    <div className="damage-banner" role="alert" aria-labelledby="damage-title">
      <strong id="damage-title">Something in this vault does not match what Caseproof recorded.</strong>
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
      <p>Nothing has been changed or removed by this check. What to do now:</p>
      <ol aria-label="What to do now">
        <li>Tell the person responsible for data protection at your firm before anything else is changed.</li>
        <li>Keep this vault file and your most recent backup as they are: both may be needed to show what the records were.</li>
        <li>
          Run <code>caseproof check</code> (or ask whoever supports your computers to) for the full check: it names every fault it finds.
        </li>
        <li>If you decide to go back to a backup, lock the vault and choose Restore a backup.</li>
      </ol>
    </div>
  );
}
