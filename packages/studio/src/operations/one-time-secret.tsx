import { useState } from 'react';
import './operations.css';

/**
 * A secret the server shows only once (a one-time password, an API token), in a read-only field
 * with a copy button and a note on how long it is good for.
 *
 * @example
 * <OneTimeSecret label="One-time password for ana@acme.test" secret={otp} note="It works once, for 24 hours." />
 */
export function OneTimeSecret({
  label,
  secret,
  note,
  onDone,
}: {
  label: string;
  secret: string;
  note: string;
  onDone?(): void;
}) {
  const [copied, setCopied] = useState<'yes' | 'no' | undefined>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      // Clipboard access needs a secure context; the field stays selectable by hand.
      setCopied('no');
    }
  };
  return (
    <section className="card one-time-secret" aria-label={label}>
      <label>
        {label}
        <span className="row">
          <input
            readOnly
            value={secret}
            className="secret-value"
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" onClick={() => void copy()}>
            Copy
          </button>
        </span>
      </label>
      <p className="hint">{note}</p>
      {copied === 'yes' ? <p className="hint">Copied.</p> : null}
      {copied === 'no' ? (
        <p className="hint">Copying was refused; select the text and copy it by hand.</p>
      ) : null}
      {onDone ? (
        <button type="button" onClick={onDone}>
          Done
        </button>
      ) : null}
    </section>
  );
}
