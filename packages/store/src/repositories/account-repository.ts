import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { ApiTokensTable, UsersTable } from '../schema.js';
import type { StoreContext } from '../store-context.js';
import { StoreConflictError } from '../store-errors.js';
import type { AccountRepository, ApiTokenRow, UserRole, UserRow } from '../store-types.js';

const USER_COLUMNS = [
  'users.id',
  'users.email',
  'users.name',
  'users.role',
  'users.partner_id',
  'users.disabled',
  'users.password_change_required',
  'users.created_at',
  'users.updated_at',
  'users.last_sign_in_at',
] as const;

type UserColumns = Omit<Selectable<UsersTable>, 'password_hash' | 'password_expires_at'> & {
  has_password: unknown;
};

// A token's last use is written at most this often: the time is for "is this token still in
// use?", and a write on every API call would double the cost of reads.
const LAST_USED_RESOLUTION_MS = 60_000;

function toUser(row: UserColumns): UserRow {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as UserRole,
    partnerId: row.partner_id,
    disabled: Number(row.disabled) === 1,
    hasPassword: Number(row.has_password) === 1,
    passwordChangeRequired: Number(row.password_change_required) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastSignInAt: row.last_sign_in_at,
  };
}

function toToken(row: Selectable<ApiTokensTable>): ApiTokenRow {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/**
 * Users, their browser sessions and API tokens. Only hashes of passwords and tokens are stored;
 * the server makes and checks them (auth/). Sessions and tokens of a disabled user stop working
 * at once, since every lookup joins the user.
 *
 * @example
 * const user = await accounts.createUser({ email: 'ana@example.com', name: 'Ana', role: 'designer' });
 */
export function createAccountRepository(context: StoreContext): AccountRepository {
  const { db } = context;
  const users = () =>
    db
      .selectFrom('users')
      .select(USER_COLUMNS)
      .select((eb) =>
        eb.case().when('users.password_hash', 'is not', null).then(1).else(0).end().as('has_password'),
      );

  return {
    async createUser(input) {
      const now = context.nowIso();
      const id = `usr_${randomBytes(8).toString('hex')}`;
      const email = input.email.trim().toLowerCase();
      const inserted = await db
        .insertInto('users')
        .values({
          id,
          email,
          name: input.name,
          role: input.role,
          partner_id: input.partnerId ?? null,
          password_hash: input.passwordHash ?? null,
          password_change_required: input.oneTimeUntil ? 1 : 0,
          password_expires_at: input.oneTimeUntil ?? null,
          disabled: 0,
          created_at: now,
          updated_at: now,
          last_sign_in_at: null,
        })
        .onConflict((oc) => oc.column('email').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) throw new StoreConflictError(`A user with the email "${email}" already exists.`);
      const user = await users().where('users.id', '=', id).executeTakeFirstOrThrow();
      return toUser(user);
    },

    async updateUser(id, patch) {
      const result = await db
        .updateTable('users')
        .set({
          updated_at: context.nowIso(),
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.role !== undefined ? { role: patch.role } : {}),
          ...(patch.partnerId !== undefined ? { partner_id: patch.partnerId } : {}),
          ...(patch.disabled !== undefined ? { disabled: patch.disabled ? 1 : 0 } : {}),
          ...(patch.passwordHash !== undefined
            ? {
                password_hash: patch.passwordHash,
                password_change_required: patch.oneTimeUntil ? 1 : 0,
                password_expires_at: patch.oneTimeUntil ?? null,
              }
            : {}),
        })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return undefined;
      return this.getUser(id);
    },

    async getUser(id) {
      const row = await users().where('users.id', '=', id).executeTakeFirst();
      return row ? toUser(row) : undefined;
    },

    async findForSignIn(email) {
      const row = await users()
        .select(['users.password_hash', 'users.password_expires_at'])
        .where('users.email', '=', email.trim().toLowerCase())
        .executeTakeFirst();
      return row
        ? { ...toUser(row), passwordHash: row.password_hash, passwordExpiresAt: row.password_expires_at }
        : undefined;
    },

    async listUsers() {
      return (await users().orderBy('users.email').execute()).map(toUser);
    },

    async countUsers() {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async countActiveAdmins() {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('role', '=', 'admin')
        .where('partner_id', 'is', null)
        .where('disabled', '=', 0)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async recordSignIn(id) {
      await db.updateTable('users').set({ last_sign_in_at: context.nowIso() }).where('id', '=', id).execute();
    },

    async createSession(input) {
      await db
        .insertInto('sessions')
        .values({
          token_hash: input.tokenHash,
          user_id: input.userId,
          csrf_hash: input.csrfHash,
          created_at: context.nowIso(),
          expires_at: input.expiresAt,
        })
        .execute();
    },

    async findSession(tokenHash) {
      const row = await users()
        .innerJoin('sessions', 'sessions.user_id', 'users.id')
        .select(['sessions.csrf_hash', 'sessions.expires_at'])
        .where('sessions.token_hash', '=', tokenHash)
        .where('sessions.expires_at', '>', context.nowIso())
        .where('users.disabled', '=', 0)
        .executeTakeFirst();
      return row ? { user: toUser(row), csrfHash: row.csrf_hash, expiresAt: row.expires_at } : undefined;
    },

    async deleteSession(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },

    async deleteSessionsOf(userId) {
      const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async createToken(input) {
      const row = await db
        .insertInto('api_tokens')
        .values({
          id: input.id,
          user_id: input.userId,
          name: input.name,
          token_hash: input.tokenHash,
          created_at: context.nowIso(),
          expires_at: input.expiresAt ?? null,
          last_used_at: null,
          revoked_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toToken(row);
    },

    async useToken(tokenHash) {
      const now = context.nowIso();
      const row = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
        .executeTakeFirst();
      if (!row) return undefined;
      const user = await this.getUser(row.user_id);
      if (!user || user.disabled) return undefined;
      const stale =
        !row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) >= LAST_USED_RESOLUTION_MS;
      if (!stale) return { token: toToken(row), user };
      await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
      return { token: toToken({ ...row, last_used_at: now }), user };
    },

    async getToken(id) {
      const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toToken(row) : undefined;
    },

    async listTokens(userId) {
      const rows = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(toToken);
    },

    async revokeToken(id) {
      await db
        .updateTable('api_tokens')
        .set({ revoked_at: context.nowIso() })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
      const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toToken(row) : undefined;
    },
  };
}
