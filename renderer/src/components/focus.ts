// Where keyboard focus goes when part of a page opens or closes, so a keyboard or screen-reader
// user is never left at the top of the document: an inline form that opens takes focus into its
// first field and gives it back to the button that opened it when it closes (saved or
// cancelled); a dialog does the same (components/Modal.tsx); a new page puts it on its heading
// (Shell.tsx). Focus is only given back when it has been lost (it is on <body> or on something
// no longer on the page): if the user or the page has put it somewhere, it stays there.
import { useCallback, useEffect, useRef, type RefCallback, type RefObject } from 'react';

/** The fields a form can start in: the first one that takes typing or a choice. */
const FIELD = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])';
/** Everything Tab can reach, for the dialog's focus trap. */
const TABBABLE =
  'a[href], button:not([disabled]), input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The opener of a form or dialog, and how to find it again if the page has drawn it afresh. */
interface Opener {
  el: HTMLElement;
  /** `data-focus-key` where the opener's words may change (an Edit button named after its record). */
  key?: string;
  tag: string;
  name: string;
}

const nameOf = (el: Element) => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';

// The elements that last took focus, newest first. A button that opens a form in its own place is
// gone from the page by the time the form appears, and focus with it (to <body>, with no event);
// a field with autoFocus may already have taken focus: this is how the form still knows its opener.
const recent: HTMLElement[] = [];
if (typeof document !== 'undefined') {
  document.addEventListener(
    'focusin',
    (e) => {
      if (!(e.target instanceof HTMLElement) || e.target === recent[0]) return;
      recent.unshift(e.target);
      recent.length = Math.min(recent.length, 3);
    },
    true,
  );
}

/** What opened `inside` (or, without it, whatever has focus now): never an element within it. */
function opener(inside?: HTMLElement): Opener | null {
  const active = document.activeElement;
  const candidates = [active instanceof HTMLElement && active !== document.body ? active : null, ...recent];
  const el = candidates.find((c): c is HTMLElement => !!c && !inside?.contains(c) && (c === active || !c.isConnected)) ?? null;
  if (!el) return null;
  return { el, key: el.dataset.focusKey, tag: el.tagName, name: nameOf(el) };
}

/** True when nothing useful has focus: the last focused element has gone, or nothing had it. */
export function focusLost(): boolean {
  const a = document.activeElement;
  return !a || a === document.body || !a.isConnected;
}

/** The opener itself, or (when a re-render replaced it) the element that now stands in its place. */
function findAgain(o: Opener): HTMLElement | null {
  if (o.el.isConnected) return o.el;
  if (o.key) return document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(o.key)}"]`);
  const same = [...document.querySelectorAll<HTMLElement>(o.tag)].filter((e) => nameOf(e) === o.name);
  return same.length === 1 ? same[0] : null;
}

/**
 * Gives focus back to the opener once the closing has been drawn. A form closing after a save
 * may leave the opener to come back a frame or two later (the list is drawn again), so this
 * looks for a few frames; it stops as soon as focus is somewhere on purpose.
 */
export function returnFocus(o: Opener | null, frames = 6): void {
  if (!o) return;
  const attempt = (left: number) =>
    requestAnimationFrame(() => {
      if (!focusLost()) return;
      const target = findAgain(o);
      if (target) target.focus();
      else if (left > 0) attempt(left - 1);
    });
  attempt(frames);
}

/** Focus into the first field inside `root` (or, with none, `root` itself if it can take focus). */
export function focusFirstField(root: HTMLElement): void {
  if (root.contains(document.activeElement)) return; // a field asked for it (autoFocus)
  const field = root.querySelector<HTMLElement>(FIELD);
  (field ?? root).focus();
}

/**
 * For an inline form that opens in the page: put the ref on its <form> (or group). When it
 * appears, focus goes into its first field; when it goes, focus goes back to what opened it.
 */
export function useInlineFormFocus<E extends HTMLElement>(): RefCallback<E> {
  return useCallback((el: E | null) => {
    if (!el) return;
    const from = opener(el);
    focusFirstField(el);
    return () => returnFocus(from);
  }, []);
}

/** Keeps Tab and Shift+Tab inside `root` (a modal dialog), wrapping at either end. */
export function trapTab(root: HTMLElement, e: KeyboardEvent): void {
  if (e.key !== 'Tab') return;
  const all = [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter((x) => x.getClientRects().length > 0);
  if (!all.length) return;
  const first = all[0];
  const last = all[all.length - 1];
  const at = document.activeElement;
  if (e.shiftKey && (at === first || !root.contains(at))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (at === last || !root.contains(at))) {
    e.preventDefault();
    first.focus();
  }
}

/** Remembers what had focus when `root` appeared (outside it) and gives it back when it goes. */
export function useReturnFocusOnUnmount(root: RefObject<HTMLElement | null>): void {
  const from = useRef<Opener | null>(null);
  useEffect(() => {
    from.current ??= opener(root.current ?? undefined);
    const o = from.current;
    return () => returnFocus(o);
  }, [root]);
}

/**
 * After moving to another page, focus goes to the new page's <h1> (made focusable with
 * tabindex=-1), so a screen reader reads out where the user now is. `page` names the page:
 * a change within one page (a staff profile's tab) keeps the same name and moves nothing.
 * Nothing is moved when the page itself has put focus somewhere (a form's first field).
 */
export function usePageHeadingFocus(page: string, main: () => HTMLElement | null): void {
  // The heading of the page before, so the new page's heading can be told from it.
  const last = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const before = document.activeElement;
    // The new page already put focus in itself (a field with autoFocus) before this ran.
    if (before instanceof HTMLElement && !['A', 'H1'].includes(before.tagName) && main()?.contains(before)) return;
    const started = performance.now();
    let frame = 0;
    const step = () => {
      const root = main();
      const h1 = root?.querySelector<HTMLElement>('h1') ?? null;
      const a = document.activeElement;
      // Focus was put somewhere on purpose since the move (not the link that was followed): leave it.
      if (a && a !== document.body && a !== before && a.isConnected) {
        last.current = h1;
        return;
      }
      const elapsed = performance.now() - started;
      // A new page brings a new heading; one redrawn in place (the same page, other data) is taken after a moment.
      if (h1 && !root?.querySelector('[aria-busy="true"]') && (h1 !== last.current || elapsed > 300)) {
        if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
        h1.focus({ preventScroll: true });
        last.current = h1;
        return;
      }
      if (elapsed < 3000) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [page, main]);
}

/** Moves focus to the page's heading (or the main region): the skip link's target. */
export function focusMain(main: HTMLElement | null): void {
  const target = main?.querySelector<HTMLElement>('h1') ?? main;
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
}
