// Builds the one registry: each domain binds its operations to its services in
// domains/<domain>.ts (ARCHITECTURE.md); this file only lists the domains.
import { Registry } from './registry';
import type { Session } from './session';
import { registerVault } from './domains/vault';
import { registerFirm } from './domains/firm';
import { registerStaff } from './domains/staff';
import { registerCompliance } from './domains/compliance';
import { registerEvidence } from './domains/evidence';
import { registerSuppliers } from './domains/suppliers';
import { registerCases } from './domains/cases';
import { registerPacks } from './domains/packs';
import { registerApp } from './domains/app';
import { registerBackups } from './domains/backups';
import { registerJourney } from './domains/journey';
import { registerIntake } from './domains/intake';
import { registerScreens } from './domains/screens';
import { registerAudit } from './domains/audit';

export function buildRegistry(session: Session): Registry {
  const r = new Registry();
  registerVault(r, session);
  registerFirm(r, session);
  registerStaff(r, session);
  registerCompliance(r, session);
  registerEvidence(r, session);
  registerSuppliers(r, session);
  registerCases(r, session);
  registerPacks(r, session);
  registerApp(r, session);
  registerBackups(r, session);
  registerJourney(r, session);
  registerIntake(r, session);
  registerScreens(r, session);
  registerAudit(r, session);
  // Every call that wrote to the vault moves the audit trail's head file on (db/auditHead.ts).
  r.afterEach(() => session.keepHead());
  r.assertComplete();
  return r;
}
