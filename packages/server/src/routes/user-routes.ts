import { Type } from '@sinclair/typebox';
import { StoreConflictError, type UserRole, type UserRow } from '@waybill/store';
import type { Context } from 'hono';
import {
  AccountInputError,
  checkPartner,
  checkRole,
  createAccount,
  resetPassword,
} from '../auth/account-admin.js';
import { signedIn } from '../auth/principal.js';
import { ApiError, notFound } from '../http/api-error.js';
import { defineRoute, json } from '../http/route.js';
import type { ServerDeps } from '../server-deps.js';
import { ErrorResponse, UserView } from './schemas.js';

const Role = Type.Union(['admin', 'designer', 'operator', 'viewer'].map((role) => Type.Literal(role)));
const PartnerId = Type.String({ minLength: 1, maxLength: 64, description: 'e.g. acme-foods' });
const UserParams = Type.Object({ userId: Type.String({ minLength: 1, maxLength: 100 }) });

const WithOneTimePassword = Type.Object({
  user: UserView,
  oneTimePassword: Type.String({ description: 'Hand it to the user; it works once, until expiresAt.' }),
  expiresAt: Type.String(),
});

function inputError(error: unknown): never {
  if (error instanceof AccountInputError) {
    throw new ApiError(400, 'INVALID_ACCOUNT', error.message, { pointer: `/body/${error.field}` });
  }
  throw error;
}

/** Users and roles, for admins: invite with a one-time password, change role, disable, reset. */
export function userRoutes(deps: ServerDeps) {
  const { store } = deps;

  // The installation must keep an admin who can sign in, or nobody could manage users again.
  const keepAnAdmin = async (
    c: Context,
    user: UserRow,
    becomes: { role: string; partnerId: string | null; disabled: boolean },
  ) => {
    const staysAdmin = becomes.role === 'admin' && becomes.partnerId === null && !becomes.disabled;
    const isAdmin = user.role === 'admin' && user.partnerId === null && !user.disabled;
    if (isAdmin && !staysAdmin && (await store.accounts.countActiveAdmins()) <= 1) {
      throw new ApiError(
        409,
        'LAST_ADMIN',
        `${user.id === signedIn(c).user.id ? 'You are' : `${user.email} is`} the only admin; make another user admin first.`,
      );
    }
  };

  return [
    defineRoute({
      method: 'get',
      path: '/api/users',
      operationId: 'listUsers',
      summary: 'List users with their roles',
      tag: 'users',
      permission: 'users:manage',
      responses: {
        200: { description: 'Users by email', schema: Type.Object({ items: Type.Array(UserView) }) },
      },
      handler: async () => json(200, { items: await store.accounts.listUsers() }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/users',
      operationId: 'createUser',
      summary: 'Add a user with a role; answers a one-time password to hand over',
      tag: 'users',
      permission: 'users:manage',
      body: Type.Object(
        {
          email: Type.String({ minLength: 3, maxLength: 254 }),
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          role: Role,
          partnerId: Type.Optional(PartnerId),
        },
        { additionalProperties: false },
      ),
      responses: {
        201: { description: 'Created', schema: WithOneTimePassword },
        400: { description: 'Not an email, or a partner admin', schema: ErrorResponse },
        409: { description: 'A user with this email exists', schema: ErrorResponse },
      },
      handler: async ({ body, c }) => {
        const created = await createAccount(store, body, deps.now()).catch((error: unknown) => {
          if (error instanceof StoreConflictError) {
            throw new ApiError(409, 'USER_EXISTS', error.message, { pointer: '/body/email' });
          }
          return inputError(error);
        });
        await store.audit.append({
          actor: signedIn(c).user.email,
          action: 'user.create',
          targetType: 'user',
          targetId: created.user.id,
          details: { email: created.user.email, role: created.user.role, partnerId: created.user.partnerId },
        });
        return json(201, created);
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/users/{userId}',
      operationId: 'updateUser',
      summary:
        'Change a user’s name, role or partner, or disable them (their sessions and tokens stop at once)',
      tag: 'users',
      permission: 'users:manage',
      params: UserParams,
      body: Type.Object(
        {
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          role: Type.Optional(Role),
          partnerId: Type.Optional(Type.Union([PartnerId, Type.Null()])),
          disabled: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
      responses: {
        200: { description: 'Updated', schema: UserView },
        404: { description: 'No such user', schema: ErrorResponse },
        409: { description: 'It would leave no admin', schema: ErrorResponse },
      },
      handler: async ({ params, body, c }) => {
        const user = await store.accounts.getUser(params.userId);
        if (!user) throw notFound('user', params.userId);
        const becomes = {
          role: body.role ?? user.role,
          partnerId: body.partnerId === undefined ? user.partnerId : body.partnerId,
          disabled: body.disabled ?? user.disabled,
        };
        let role: UserRole;
        try {
          role = checkRole(becomes.role);
          checkPartner(role, becomes.partnerId);
        } catch (error) {
          inputError(error);
        }
        await keepAnAdmin(c, user, becomes);
        const { role: _asked, ...rest } = body;
        const updated = await store.accounts.updateUser(user.id, { ...rest, ...(body.role ? { role } : {}) });
        const changes = Object.fromEntries(
          (['name', 'role', 'partnerId', 'disabled'] as const)
            .filter((field) => body[field] !== undefined && body[field] !== user[field])
            .map((field) => [field, { from: user[field], to: body[field] }]),
        );
        await store.audit.append({
          actor: signedIn(c).user.email,
          action: 'user.update',
          targetType: 'user',
          targetId: user.id,
          details: { email: user.email, changes },
        });
        return json(200, updated);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/users/{userId}/password-reset',
      operationId: 'resetPassword',
      summary: 'Replace a user’s password with a one-time one and sign them out everywhere',
      tag: 'users',
      permission: 'users:manage',
      params: UserParams,
      responses: {
        200: { description: 'Reset', schema: WithOneTimePassword },
        404: { description: 'No such user', schema: ErrorResponse },
      },
      handler: async ({ params, c }) => {
        const reset = await resetPassword(store, params.userId, deps.now());
        if (!reset) throw notFound('user', params.userId);
        await store.audit.append({
          actor: signedIn(c).user.email,
          action: 'user.password-reset',
          targetType: 'user',
          targetId: reset.user.id,
          details: { email: reset.user.email },
        });
        return json(200, reset);
      },
    }),
  ];
}
