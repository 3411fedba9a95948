// What locking does to this window: nothing read from the vault may stay. The cached query
// results are dropped, then the page is loaded afresh, without the screen's address, so no
// element, React state or script variable of the last page survives, and the new page starts
// at the unlock screen. (In Electron, main also reloads the page after any lock it did not
// get from the page, and clears the window's history at every full load; see electron/main.)
import { forgetVaultData } from '../data/query';

/** Forgets everything of the vault in this window and starts the page again at the unlock screen. */
export function resetWindow(): void {
  forgetVaultData();
  // A URL without the #fragment is a full navigation (one with a fragment would stay in this
  // document); replace() leaves no entry for the page that was showing.
  window.location.replace(window.location.pathname + window.location.search);
}
