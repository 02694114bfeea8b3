import { openCredentialValues, rewrapCredentialValues, sealCredentialValues } from '../credential-cipher.js';
import { toCredentialMeta } from '../row-mapping.js';
import type { StoreContext } from '../store-context.js';
import { CredentialDecryptionError, StoreConflictError } from '../store-errors.js';
import type { CredentialRepository } from '../store-types.js';

const META_COLUMNS = [
  'id',
  'type',
  'name',
  'allowed_hosts',
  'max_concurrency',
  'partner_id',
  'created_at',
  'updated_at',
] as const;

/**
 * Credentials with their values encrypted at rest. Only `reveal` (and `update` with new values,
 * which must merge) decrypts; listings never touch the ciphertext.
 *
 * @example
 * await credentials.create({ id: 'shopify', type: 'shopify', name: 'Shop', values: { token: 't' } });
 */
export function createCredentialRepository(context: StoreContext): CredentialRepository {
  const { db } = context;
  // A credential wrapped with a key this process does not hold may come from a rotation done by
  // another process: read the keys again once before giving up, so rotation needs no restart.
  const open = async (id: string, sealed: string) => {
    try {
      return openCredentialValues(context.keys(), id, sealed);
    } catch (error) {
      if (!(error instanceof CredentialDecryptionError) || !error.keyId || !context.reloadKeys) throw error;
      await context.reloadKeys();
      return openCredentialValues(context.keys(), id, sealed);
    }
  };

  return {
    async create(input) {
      const now = context.nowIso();
      const inserted = await db
        .insertInto('credentials')
        .values({
          id: input.id,
          type: input.type,
          name: input.name,
          allowed_hosts: JSON.stringify(input.allowedHosts ?? []),
          max_concurrency: input.maxConcurrency ?? null,
          partner_id: input.partnerId ?? null,
          secret: sealCredentialValues(context.keys(), input.id, input.values),
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning(META_COLUMNS)
        .executeTakeFirst();
      if (!inserted) throw new StoreConflictError(`A credential with the id "${input.id}" already exists.`);
      return toCredentialMeta(inserted);
    },

    async update(id, patch) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('credentials')
          .select('secret')
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) return undefined;
        let secret: string | undefined;
        if (patch.values) {
          const values = await open(id, row.secret);
          for (const [field, value] of Object.entries(patch.values)) {
            if (value === null) delete values[field];
            else if (value !== undefined) values[field] = value;
          }
          secret = sealCredentialValues(context.keys(), id, values);
        }
        const updated = await trx
          .updateTable('credentials')
          .set({
            updated_at: context.nowIso(),
            ...(patch.name !== undefined ? { name: patch.name } : {}),
            ...(patch.allowedHosts !== undefined
              ? { allowed_hosts: JSON.stringify(patch.allowedHosts) }
              : {}),
            ...(patch.maxConcurrency !== undefined ? { max_concurrency: patch.maxConcurrency } : {}),
            ...(secret !== undefined ? { secret } : {}),
          })
          .where('id', '=', id)
          .returning(META_COLUMNS)
          .executeTakeFirstOrThrow();
        return toCredentialMeta(updated);
      });
    },

    async get(id) {
      const row = await db
        .selectFrom('credentials')
        .select(META_COLUMNS)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toCredentialMeta(row) : undefined;
    },

    async reveal(id) {
      const row = await db.selectFrom('credentials').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      return { ...toCredentialMeta(row), values: await open(id, row.secret) };
    },

    async list(filter = {}) {
      const rows = await db
        .selectFrom('credentials')
        .select(META_COLUMNS)
        .$if(filter.partnerId !== undefined, (qb) => qb.where('partner_id', '=', filter.partnerId!))
        .orderBy('id')
        .execute();
      return rows.map(toCredentialMeta);
    },

    async rotateKeys() {
      const rows = await db.selectFrom('credentials').select(['id', 'secret']).orderBy('id').execute();
      let rotated = 0;
      const unreadable: string[] = [];
      for (const row of rows) {
        let secret: string | undefined;
        try {
          secret = rewrapCredentialValues(context.keys(), row.id, row.secret);
        } catch (error) {
          // One credential under a key nobody configured must not stop the others from rotating.
          if (!(error instanceof CredentialDecryptionError)) throw error;
          unreadable.push(row.id);
          continue;
        }
        if (secret === undefined) continue;
        // One row at a time, each its own commit: readers see the old or the new form, and both
        // open with the keys they hold, so nothing stops while the rotation runs. A row changed
        // meanwhile was written under the active key already.
        const result = await db
          .updateTable('credentials')
          .set({ secret })
          .where('id', '=', row.id)
          .where('secret', '=', row.secret)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) > 0) rotated += 1;
      }
      return { total: rows.length, rotated, unreadable, activeKeyId: context.keys().activeId };
    },

    async delete(id) {
      const result = await db.deleteFrom('credentials').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
