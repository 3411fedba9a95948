// The main layout: a sidebar of sections and the page for the current route.
import { call } from './api';
import type { VaultState } from '../../electron/contract/views';
import { useHashRoute } from './hooks';
import { Dashboard } from './pages/Dashboard';
import { StaffList } from './pages/StaffList';
import { StaffPage } from './pages/StaffPage';
import { SelfChecklist } from './pages/SelfChecklist';
import { PoliciesPage } from './pages/PoliciesPage';
import { SettingsPage } from './pages/SettingsPage';
import { SuppliersPage } from './pages/SuppliersPage';
import { PacksPage } from './pages/packs/PacksPage';
import { CasesSection } from './pages/cases/CasesSection';

const SECTIONS = [
  ['dashboard', 'Dashboard'],
  ['staff', 'Staff'],
  ['checklist', 'Self checklist'],
  ['suppliers', 'Suppliers'],
  ['cases', 'Cases'],
  ['packs', 'Packs'],
  ['settings', 'Settings'],
] as const;

export function Shell({ state, onLock }: { state: VaultState; onLock: (s: VaultState) => void }) {
  const [route, go] = useHashRoute();
  const section = route[0] ?? 'dashboard';
  const lock = async () => onLock(await call('lockVault', {}));
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Sections">
        <div className="brand">Caseproof</div>
        <ul>
          {SECTIONS.map(([key, label]) => (
            <li key={key}>
              <a href={`#/${key}`} aria-current={section === key ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
        </ul>
        <div className="sidebar-foot">
          <div className="vault-path" title={state.path ?? ''}>
            Vault: {state.path?.split(/[\\/]/).pop()}
          </div>
          <button className="secondary" onClick={lock}>
            Lock
          </button>
        </div>
      </nav>
      <main className="content" id="main">
        {section === 'dashboard' && <Dashboard go={go} />}
        {section === 'staff' && (route[1] ? <StaffPage key={route[1]} staffRef={route[1]} tab={route[2]} go={go} /> : <StaffList />)}
        {section === 'checklist' && <SelfChecklist key={route[1] ?? ''} staffRef={route[1]} go={go} />}
        {section === 'policies' && <PoliciesPage focus={route[1]} />}
        {section === 'suppliers' && <SuppliersPage route={route} go={go} />}
        {section === 'cases' && <CasesSection route={route} go={go} />}
        {section === 'packs' && <PacksPage />}
        {section === 'settings' && <SettingsPage />}
      </main>
    </div>
  );
}
