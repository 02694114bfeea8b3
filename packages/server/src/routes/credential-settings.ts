import type { CredentialMeta } from '@waybill/store';
import type { ServerDeps } from '../server-deps.js';

/**
 * The values of a credential's fields its type marks as not secret (a base URL, a login, every
 * field of a trading-partner profile), so the credentials page can show and edit them. Secret
 * fields, and every field of a type this build does not know, are never returned.
 *
 * @example
 * await withSettings(deps, meta); // { ...meta, settings: { url: 'https://mycompany.odoo.com', login: 'bot' } }
 */
export async function withSettings(
  deps: Pick<ServerDeps, 'store' | 'invoker'>,
  meta: CredentialMeta,
): Promise<CredentialMeta & { settings: Record<string, string> }> {
  const type = deps.invoker.credentialTypes().find((t) => t.type === meta.type);
  const open = new Set(type?.fields.filter((f) => !f.secret).map((f) => f.name) ?? []);
  if (open.size === 0) return { ...meta, settings: {} };
  const revealed = await deps.store.credentials.reveal(meta.id).catch(() => undefined);
  const settings: Record<string, string> = {};
  for (const [name, value] of Object.entries(revealed?.values ?? {})) {
    if (open.has(name) && typeof value === 'string') settings[name] = value;
  }
  return { ...meta, settings };
}
