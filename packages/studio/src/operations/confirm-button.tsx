import { useState } from 'react';

/**
 * A destructive action that asks once more in place (no browser confirm box, which tests and
 * screen readers handle poorly): "Delete" becomes "Delete odoo-main? [Yes, delete] [Keep]".
 *
 * @example
 * <ConfirmButton label="Revoke" question={`Revoke ${token.name}?`} confirm="Yes, revoke" onConfirm={revoke} />
 */
export function ConfirmButton({
  label,
  question,
  confirm,
  onConfirm,
  disabled,
}: {
  label: string;
  question: string;
  confirm: string;
  onConfirm(): Promise<void> | void;
  disabled?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="danger" disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="row confirm">
      <span>{question}</span>
      <button
        type="button"
        className="danger"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await onConfirm();
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >
        {confirm}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Keep
      </button>
    </span>
  );
}
