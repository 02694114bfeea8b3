import type { Database } from '../orm/types.js';

/** `[19, 0, 0, 'final', 0, '']`, Odoo's release.version_info. */
export const versionTuple = (db: Database) => [db.major, 0, 0, 'final', 0, ''];

/** `common.version()` (RPC_VERSION_1). */
export function versionInfo(db: Database): Record<string, unknown> {
  return {
    server_version: db.version,
    server_version_info: versionTuple(db),
    server_serie: db.version,
    protocol_version: 1,
  };
}
