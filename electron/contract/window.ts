// `window.caseproof` as the preload (or the browser test harness) provides it.
import type { CaseproofApi } from './api';

declare global {
  interface Window {
    caseproof: CaseproofApi;
  }
}
export {};
