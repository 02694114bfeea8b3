import { type ReactNode, useEffect, useRef } from 'react';
import './operations.css';

/**
 * A modal dialog on the native <dialog> element: focus is kept inside, Escape closes it, and its
 * accessible name is `label`.
 *
 * @example
 * {open ? <Modal label="Replay execution" onClose={() => setOpen(false)}>…</Modal> : null}
 */
export function Modal({ label, onClose, children }: { label: string; onClose(): void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-label={label}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="page-head">
        <h2>{label}</h2>
        <button type="button" className="link" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </header>
      {children}
    </dialog>
  );
}
