// Every page's address, as typed routes (TanStack Router over the URL's hash, so the static
// bundle works under app:// with no server). Links and navigation name a route and its
// params, and the compiler checks both.
//
// The rule that keeps a record's reference from ever being read as a page: where a route
// takes a ref, nothing else sits at that level. Records are /staff/REF, /suppliers/REF and
// /cases/REF; pages about the whole section have an address of their own (/caseload,
// /parties, /retention), never /cases/caseload, so a case called "caseload" opens like any other.
//
// Each page gets the router's error boundary and Suspense boundary (PageError, PageLoading):
// a page that fails shows a calm message and "Try again" inside the shell, whose navigation
// keeps working; a page still loading shows "Loading…".
import { ReportsPage } from './pages/ReportsPage';
import { Outlet, createHashHistory, createRootRoute, createRoute, createRouter, redirect } from '@tanstack/react-router';
import { POLICY_KINDS, type PolicyKind } from '../../electron/contract/model';
import { STAFF_TABS, type StaffTab } from './links';
import { PageError, PageLoading, PageNotFound } from './components/PageStates';
import { Shell } from './Shell';
import { Dashboard } from './pages/Dashboard';
import { StaffList } from './pages/StaffList';
import { StaffPage } from './pages/StaffPage';
import { SelfChecklist } from './pages/SelfChecklist';
import { PoliciesPage } from './pages/PoliciesPage';
import { SettingsPage } from './pages/SettingsPage';
import { SupplierList } from './pages/suppliers/SupplierList';
import { SupplierPage } from './pages/suppliers/SupplierPage';
import { ChecklistPage } from './pages/suppliers/ChecklistPage';
import { CasesNav } from './pages/cases/CasesNav';
import { CaseList } from './pages/cases/CaseList';
import { CasePage } from './pages/cases/CasePage';
import { CaseloadPage } from './pages/cases/CaseloadPage';
import { PartiesPage } from './pages/cases/PartiesPage';
import { RetentionPage } from './pages/cases/RetentionPage';
import { PacksPage } from './pages/packs/PacksPage';
import { ImportPage, isImportSource } from './pages/intake/ImportPage';
import { SetupPage } from './pages/intake/SetupPage';
import { AuditPage } from './pages/audit/AuditPage';
import { TodoPage } from './pages/todo/TodoPage';

const isTab = (t: string | undefined): t is StaffTab => STAFF_TABS.some(([k]) => k === t);
const policyKind = (k: string | undefined): PolicyKind | undefined => POLICY_KINDS.find((p) => p === k);

const root = createRootRoute({ component: Shell, notFoundComponent: PageNotFound });

const home = createRoute({
  getParentRoute: () => root,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/dashboard', replace: true });
  },
});
const dashboard = createRoute({ getParentRoute: () => root, path: '/dashboard', component: Dashboard });

const staffList = createRoute({ getParentRoute: () => root, path: '/staff', component: StaffList });
const staffPage = createRoute({
  getParentRoute: () => root,
  path: '/staff/$ref/{-$tab}',
  // ?add=1 opens the tab's add form with its first field focused (a to-do item's link).
  validateSearch: (s: Record<string, unknown>): { add?: 1 } => (s.add === 1 || s.add === '1' || s.add === true ? { add: 1 } : {}),
  component: function StaffRoute() {
    const { ref, tab } = staffPage.useParams();
    const { add } = staffPage.useSearch();
    // A new person is a new page (nothing typed for one shows for the next); a new tab is not.
    return <StaffPage key={ref} staffRef={ref} tab={isTab(tab) ? tab : 'details'} add={add === 1} />;
  },
});
const checklist = createRoute({
  getParentRoute: () => root,
  path: '/checklist/{-$ref}',
  component: function ChecklistRoute() {
    const { ref } = checklist.useParams();
    return <SelfChecklist key={ref ?? ''} staffRef={ref} />;
  },
});
const policies = createRoute({
  getParentRoute: () => root,
  path: '/policies/{-$kind}',
  component: function PoliciesRoute() {
    const { kind } = policies.useParams();
    return <PoliciesPage focus={policyKind(kind)} />;
  },
});

const supplierList = createRoute({ getParentRoute: () => root, path: '/suppliers', component: SupplierList });
const supplierPage = createRoute({
  getParentRoute: () => root,
  path: '/suppliers/$ref',
  component: function SupplierRoute() {
    const { ref } = supplierPage.useParams();
    return <SupplierPage key={ref} supplierRef={ref} />;
  },
});
const supplierChecklist = createRoute({
  getParentRoute: () => root,
  path: '/suppliers/$ref/checklist',
  component: function SupplierChecklistRoute() {
    const { ref } = supplierChecklist.useParams();
    return <ChecklistPage key={ref} supplierRef={ref} />;
  },
});

// The cases section: its pages share the sub-navigation (a layout with no address of its own).
const casesSection = createRoute({
  getParentRoute: () => root,
  id: 'cases-section',
  component: () => (
    <>
      <CasesNav />
      <Outlet />
    </>
  ),
});
const caseList = createRoute({ getParentRoute: () => casesSection, path: '/cases', component: CaseList });
const casePage = createRoute({
  getParentRoute: () => casesSection,
  path: '/cases/$ref',
  component: function CaseRoute() {
    const { ref } = casePage.useParams();
    return <CasePage key={ref} caseRef={ref} />;
  },
});
const caseload = createRoute({
  getParentRoute: () => casesSection,
  path: '/caseload/{-$staffRef}',
  component: function CaseloadRoute() {
    const { staffRef } = caseload.useParams();
    return <CaseloadPage key={staffRef ?? ''} staffRef={staffRef} />;
  },
});
const parties = createRoute({ getParentRoute: () => casesSection, path: '/parties', component: PartiesPage });
const retention = createRoute({ getParentRoute: () => casesSection, path: '/retention', component: RetentionPage });

const packs = createRoute({ getParentRoute: () => root, path: '/packs', component: PacksPage });
const audit = createRoute({ getParentRoute: () => root, path: '/audit', component: AuditPage });
const settings = createRoute({ getParentRoute: () => root, path: '/settings', component: SettingsPage });
const reports = createRoute({ getParentRoute: () => root, path: '/reports', component: ReportsPage });
// Evidence in: the first-run set-up and imports with a preview.
const setup = createRoute({ getParentRoute: () => root, path: '/setup', component: SetupPage });
// To do (issue 13): the firm's list of everything not met and everything due.
const todo = createRoute({ getParentRoute: () => root, path: '/todo', component: TodoPage });
const importPage = createRoute({
  getParentRoute: () => root,
  path: '/import/{-$source}',
  component: function ImportRoute() {
    const { source } = importPage.useParams();
    return <ImportPage key={source ?? ''} source={isImportSource(source) ? source : undefined} />;
  },
});

const routeTree = root.addChildren([
  home,
  dashboard,
  staffList,
  staffPage,
  checklist,
  policies,
  supplierList,
  supplierPage,
  supplierChecklist,
  casesSection.addChildren([caseList, casePage, caseload, parties, retention]),
  packs,
  audit,
  settings,
  reports,
  setup,
  importPage,
  todo,
]);

export const router = createRouter({
  routeTree,
  history: createHashHistory(),
  defaultErrorComponent: PageError,
  defaultPendingComponent: PageLoading,
  defaultNotFoundComponent: PageNotFound,
  // Nothing is fetched ahead of a click: pages ask for their own data when they open.
  defaultPreload: false,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
