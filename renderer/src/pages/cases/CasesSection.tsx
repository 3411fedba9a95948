// The Cases section: the list, one case, caseload figures, the report by instructing
// party and retention. Routes: #/cases, #/cases/REF, #/cases/caseload[/STAFF-REF],
// #/cases/parties, #/cases/retention.
import { CaseList } from './CaseList';
import { CasePage } from './CasePage';
import { CaseloadPage } from './CaseloadPage';
import { PartiesPage } from './PartiesPage';
import { RetentionPage } from './RetentionPage';

const PAGES = [
  ['', 'Case list'],
  ['caseload', 'Caseload'],
  ['parties', 'By instructing party'],
  ['retention', 'Retention'],
] as const;

export function CasesSection({ route, go }: { route: string[]; go: (to: string) => void }) {
  const sub = route[1] ?? '';
  const known = PAGES.some(([k]) => k === sub);
  return (
    <>
      <nav className="subnav" aria-label="Cases pages">
        {PAGES.map(([k, label]) => (
          <a key={k} href={`#/cases${k ? '/' + k : ''}`} aria-current={(known ? sub === k : k === '') ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      {sub === '' ? <CaseList /> : null}
      {sub === 'caseload' ? <CaseloadPage key={route[2] ?? ''} staffRef={route[2]} /> : null}
      {sub === 'parties' ? <PartiesPage /> : null}
      {sub === 'retention' ? <RetentionPage /> : null}
      {!known ? <CasePage key={sub} caseRef={sub} go={go} /> : null}
    </>
  );
}
