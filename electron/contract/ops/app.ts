// Contract operations about the app itself rather than the firm's records: telling main the
// window is in use (for auto-lock) and opening a public register in the browser. Merged into
// the one contract in ../api.ts. Types and zod only.
import { z } from 'zod';
import { REGISTER_IDS } from '../registers';

export const appInputs = {
  /**
   * The person is using the window (a key, a click, the wheel): the idle time before
   * auto-lock starts again. The page sends it at most every few seconds; a call when the
   * vault is locked is answered and ignored.
   */
  reportActivity: z.strictObject({}),
  /** Opens a public register's search page in the computer's browser, by the register's id (never an address). */
  openRegister: z.strictObject({ register: z.enum(REGISTER_IDS, { error: `must be one of ${REGISTER_IDS.join(', ')}` }) }),
  /** Which Caseproof this is: its version and the newest vault layout it reads and writes. */
  appInfo: z.strictObject({}),
} satisfies Record<string, z.ZodType>;

export interface AppOutputs {
  reportActivity: null;
  /** The address opened. */
  openRegister: { url: string };
  appInfo: AppInfo;
}

export interface AppInfo {
  /** Caseproof's version (package.json), e.g. "0.1.0". */
  version: string;
  /** The data version this Caseproof brings a vault to (the number of its migrations); an older one refuses such a vault. */
  dataVersion: number;
}
