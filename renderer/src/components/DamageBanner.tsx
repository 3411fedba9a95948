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
    <div className="damage-banner" role="alert">
      <strong>Something in this vault does not match what Caseproof recorded.</strong>
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
      <p>
        Run <code>caseproof check</code> for the full check, and keep your most recent backup safe: it may be needed to show what the records were.
      </p>
    </div>
  );
}
