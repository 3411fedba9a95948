// The Dashboard's backup line: when the last verified backup was made, in words; after 7
// days without one it is a warning that says so ("Warning: …"), not only a colour.
import { Link } from '@tanstack/react-router';
import { useOp } from '../data/query';

export function BackupLine() {
  const s = useOp('backupState', {});
  return (
    <section aria-label="Backups" className={`backup-line ${s.warning ? 'backup-warning' : 'backup-ok'}`} data-warning={s.warning}>
      <p>
        {s.warning ? <strong>{s.line.split(':')[0]}:</strong> : null}
        {s.warning ? s.line.slice(s.line.indexOf(':') + 1) : s.line} <Link to="/settings">Backups in Settings</Link>
      </p>
      {s.scheduleProblem ? <p className="form-error">{s.scheduleProblem}</p> : null}
    </section>
  );
}
