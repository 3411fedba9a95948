// `window.caseproof` as the preload (or the browser test harness) provides it: one function
// per contract operation, and `on` to subscribe to the events main sends (events.ts).
import type { CaseproofApi } from './api';
import type { Subscribe } from './events';

/** Everything the page can reach of the app. */
export type CaseproofWindowApi = CaseproofApi & { on: Subscribe };

declare global {
  interface Window {
    caseproof: CaseproofWindowApi;
  }
}
export {};
