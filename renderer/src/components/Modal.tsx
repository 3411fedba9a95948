// A modal dialog on the native <dialog> element: the rest of the page is inert while it is
// open, focus goes to its first field (or its first control), Tab and Shift+Tab stay inside it,
// Escape closes it, and on closing focus goes back to what opened it (components/focus.ts).
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { focusFirstField, trapTab, useReturnFocusOnUnmount } from './focus';

export function Modal({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const id = useId();
  // Registered before the dialog opens, so what it remembers is the opener, not the dialog.
  useReturnFocusOnUnmount(ref);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    // Start in the first field of the dialog's content; with none, on the dialog's first control.
    if (body.current?.querySelector('input, select, textarea')) focusFirstField(body.current);
    const onKey = (e: KeyboardEvent) => d && trapTab(d, e);
    d?.addEventListener('keydown', onKey);
    return () => {
      d?.removeEventListener('keydown', onKey);
      d?.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal${wide ? ' wide' : ''}`}
      aria-labelledby={id}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="modal-head">
        <h2 id={id}>{title}</h2>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <div ref={body}>{children}</div>
    </dialog>
  );
}
