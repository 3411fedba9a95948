// The main layout: a sidebar of sections and the page for the current address (the
// router's Outlet; each page has its own error and loading boundaries, see router.tsx).
import { Link, Outlet, linkOptions, useRouterState } from '@tanstack/react-router';
import { useOp, useAction } from './data/query';
import { resetWindow } from './lock/reset';
import { DamageBanner } from './components/DamageBanner';
import { HeadNotice } from './components/HeadNotice';
import { focusMain, usePageHeadingFocus } from './components/focus';

/** Where focus goes on arriving at the main region. */
const mainRegion = () => document.getElementById('main');

/** The sections, and the first parts of the addresses each one covers. */
const SECTIONS = [
  { label: 'Dashboard', link: linkOptions({ to: '/dashboard' }), covers: ['dashboard'] },
  { label: 'To do', link: linkOptions({ to: '/todo' }), covers: ['todo'] },
  { label: 'Staff', link: linkOptions({ to: '/staff' }), covers: ['staff'] },
  { label: 'Self checklist', link: linkOptions({ to: '/checklist/{-$ref}', params: {} }), covers: ['checklist'] },
  { label: 'Suppliers', link: linkOptions({ to: '/suppliers' }), covers: ['suppliers'] },
  { label: 'Cases', link: linkOptions({ to: '/cases' }), covers: ['cases', 'caseload', 'parties', 'retention'] },
  { label: 'Packs', link: linkOptions({ to: '/packs' }), covers: ['packs'] },
  { label: 'Reports', link: linkOptions({ to: '/reports' }), covers: ['reports'] },
  { label: 'Import', link: linkOptions({ to: '/import/{-$source}', params: {} }), covers: ['import'] },
  { label: 'Audit trail', link: linkOptions({ to: '/audit' }), covers: ['audit'] },
  { label: 'Settings', link: linkOptions({ to: '/settings' }), covers: ['settings', 'setup'] },
];

export function Shell() {
  const state = useOp('vaultState', {});
  const lock = useAction('lockVault');
  const first = useRouterState({ select: (s) => s.location.pathname.split('/')[1] ?? '' });
  // One page, whichever of a staff profile's tabs is showing (a tab change keeps focus on the tabs).
  const page = useRouterState({ select: (s) => s.location.pathname.replace(/^(\/staff\/[^/]+)\/[^/]+$/, '$1') });
  usePageHeadingFocus(page, mainRegion);
  return (
    <div className="shell">
      {/* The first thing Tab reaches. Not an href="#main": the address's hash is the page's route. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          focusMain(mainRegion());
        }}
      >
        Skip to main content
      </a>
      <nav className="sidebar" aria-label="Sections">
        <div className="brand">Caseproof</div>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.label}>
              {/* The section is current on any of its pages, not only at its own address. */}
              <Link {...s.link} activeOptions={{ exact: true }} aria-current={s.covers.includes(first) ? 'page' : undefined}>
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
        <div className="sidebar-foot">
          <div className="vault-path" title={state.path ?? ''}>
            Vault: {state.path?.split(/[\\/]/).pop()}
          </div>
          <button className="secondary" onClick={() => void lock.mutateAsync({}).then(resetWindow, resetWindow)} disabled={lock.isPending}>
            Lock
          </button>
        </div>
      </nav>
      <main className="content" id="main">
        <DamageBanner initial={state.damage} />
        <HeadNotice notice={state.headNotice} />
        <Outlet />
      </main>
    </div>
  );
}
