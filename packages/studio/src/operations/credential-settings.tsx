import type { CredentialMeta, CredentialTypeManifest } from '../api/types.js';

const SHOWN = 4;

/**
 * A credential's stored settings as label/value pairs in the order its type declares its fields
 * (settings of fields the type no longer declares last, by name).
 *
 * @example
 * settingEntries(partner, x12PartnerType); // [['Our ISA qualifier', '01'], ['Our ISA id', '999999999'], …]
 */
export function settingEntries(
  meta: Pick<CredentialMeta, 'settings'>,
  type: Pick<CredentialTypeManifest, 'fields'> | undefined,
): Array<[label: string, value: string]> {
  const settings = meta.settings ?? {};
  const fields = type?.fields ?? [];
  const declared = fields.filter((f) => settings[f.name] !== undefined).map((f) => f.name);
  const rest = Object.keys(settings)
    .filter((name) => !declared.includes(name))
    .sort();
  return [...declared, ...rest].map((name) => [
    fields.find((f) => f.name === name)?.label ?? name,
    settings[name] ?? '',
  ]);
}

/**
 * The non-secret settings of a credential (a URL, a login, a partner's ids), the first few at
 * once and the rest behind "n more", so a partner profile's dozen fields keep the row short.
 *
 * @example
 * <CredentialSettings meta={meta} type={type} />
 */
export function CredentialSettings({
  meta,
  type,
}: {
  meta: CredentialMeta;
  type: CredentialTypeManifest | undefined;
}) {
  const entries = settingEntries(meta, type);
  if (entries.length === 0) return <span className="muted">—</span>;
  const list = (items: typeof entries) => (
    <dl className="credential-settings">
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt>{label}</dt>
          <dd>
            <code>{value}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
  return (
    <>
      {list(entries.slice(0, SHOWN))}
      {entries.length > SHOWN ? (
        <details>
          <summary>{entries.length - SHOWN} more</summary>
          {list(entries.slice(SHOWN))}
        </details>
      ) : null}
    </>
  );
}
