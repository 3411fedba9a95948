// A recovery key, shown once: Caseproof keeps no copy of it in words.
import { useEffect, useRef } from 'react';

export function RecoveryKeyShown({ recoveryKey, file, onDone }: { recoveryKey: string; file: string; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card recovery-key" aria-labelledby="recovery-shown-title">
      <h2 id="recovery-shown-title" ref={heading} tabIndex={-1}>
        Your recovery key
      </h2>
      <p>
        <code className="recovery-code" aria-label="Recovery key">
          {recoveryKey}
        </code>
      </p>
      <p>
        Write it down or print it now and keep it away from this computer (in a safe, say). This is the only time Caseproof shows it. With it you can open the
        vault and set a new passphrase if the passphrase is ever forgotten. Anyone who has it and a copy of the vault can open the vault, so guard it like the
        passphrase.
      </p>
      <p className="hint">
        It works together with the recovery file beside the vault ({file}); keep that file with the vault when you move or copy it. Backups get one of their
        own.
      </p>
      <button type="button" onClick={onDone}>
        I have written it down
      </button>
    </section>
  );
}
