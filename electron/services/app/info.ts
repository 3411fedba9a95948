// Which Caseproof this is, for Settings ("About") and bug reports: no vault needed.
import { SCHEMA_VERSION } from '../../../db/client';
import type { AppInfo } from '../../contract/ops/app';
import pkg from '../../../package.json';

export function appInfo(): AppInfo {
  return { version: pkg.version, dataVersion: SCHEMA_VERSION };
}
