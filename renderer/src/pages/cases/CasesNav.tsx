// The Cases section's own navigation: the list (and each case), caseload figures, the
// report by instructing party and retention. Routes: router.tsx.
import { Link, linkOptions, useRouterState } from '@tanstack/react-router';

const PAGES = [
  { label: 'Case list', link: linkOptions({ to: '/cases' }), covers: 'cases' },
  { label: 'Caseload', link: linkOptions({ to: '/caseload/{-$staffRef}', params: {} }), covers: 'caseload' },
  { label: 'By instructing party', link: linkOptions({ to: '/parties' }), covers: 'parties' },
  { label: 'Retention', link: linkOptions({ to: '/retention' }), covers: 'retention' },
];

export function CasesNav() {
  const first = useRouterState({ select: (s) => s.location.pathname.split('/')[1] ?? '' });
  return (
    <nav className="subnav" aria-label="Cases pages">
      {PAGES.map((p) => (
        <Link key={p.label} {...p.link} activeOptions={{ exact: true }} aria-current={first === p.covers ? 'page' : undefined}>
          {p.label}
        </Link>
      ))}
    </nav>
  );
}
