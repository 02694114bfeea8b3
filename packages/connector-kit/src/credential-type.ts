import type { BoundHttpClient } from './http/bound-client.js';
/**
 * Credential types: what a connector needs to authenticate, declared as data so the server can
 * build the credential form and know which fields to encrypt and redact.
 */

/**
 * One field of a credential form. Every value is a string; secret ones are encrypted at rest,
 * never returned by the API and redacted from execution history.
 *
 * @example
 * const token: CredentialField = { name: 'token', label: 'Token', secret: true, required: true };
 */
export interface CredentialField {
  name: string;
  label: string;
  secret: boolean;
  required: boolean;
  description?: string;
}

/**
 * What a credential test hook receives: the values as stored, and the HTTP client bound to the
 * credential's allowed hosts. It answers whether the external system accepts the credential.
 *
 * @example
 * const test: CredentialTest = async ({ values }) => (values.token ? { ok: true, message: 'Accepted.' } : { ok: false, message: 'No token.' });
 */
export type CredentialTest = (context: {
  id: string;
  values: Record<string, string | undefined>;
  allowedHosts: readonly string[];
  signal: AbortSignal;
  http: BoundHttpClient;
}) => Promise<CredentialTestResult>;

/** The answer of a credential test, shown on the credentials page. */
export interface CredentialTestResult {
  ok: boolean;
  /** A sentence: what was tried and what the system said. */
  message: string;
}

/**
 * A declared credential type. `TType` and `TFields` keep their literal types so operations that
 * accept this type read `ctx.credential.values.token` as a string without casts.
 *
 * @example
 * const bearer: CredentialType<'http-bearer'> = defineCredentialType({ type: 'http-bearer', title: 'Bearer token',
 *   fields: [{ name: 'token', label: 'Token', secret: true, required: true }] });
 */
export interface CredentialType<
  TType extends string = string,
  TFields extends readonly CredentialField[] = readonly CredentialField[],
> {
  type: TType;
  title: string;
  description?: string;
  fields: TFields;
  test?: CredentialTest;
}

/**
 * The values of a credential of the given fields: required fields are strings, optional ones may
 * be absent.
 *
 * @example
 * type V = CredentialValues<[{ name: 'token'; label: 'Token'; secret: true; required: true }]>; // { token: string }
 */
export type CredentialValues<TFields extends readonly CredentialField[]> = Simplify<
  { [F in TFields[number] as F extends { required: true } ? F['name'] : never]: string } & {
    [F in TFields[number] as F extends { required: true } ? never : F['name']]?: string;
  }
>;

/**
 * The credential an operation's `run` sees: one member per accepted credential type, discriminated
 * by `type`, with its values checked against the declared fields.
 *
 * @example
 * if (ctx.credential?.type === 'http-bearer') headers.authorization = `Bearer ${ctx.credential.values.token}`;
 */
export type TypedCredential<TCredential> =
  TCredential extends CredentialType<infer TType, infer TFields>
    ? { id: string; type: TType; values: CredentialValues<TFields>; allowedHosts: readonly string[] }
    : never;

/**
 * Declares a credential type. Field names must be unique; a `test` hook may be added.
 *
 * @example
 * export const httpBearer = defineCredentialType({
 *   type: 'http-bearer',
 *   title: 'Bearer token',
 *   fields: [{ name: 'token', label: 'Token', secret: true, required: true }],
 * });
 */
export function defineCredentialType<
  const TType extends string,
  const TFields extends readonly CredentialField[],
>(definition: CredentialType<TType, TFields>): CredentialType<TType, TFields> {
  const names = definition.fields.map((field) => field.name);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  // Failing at import time keeps a broken credential form from ever reaching the studio.
  if (repeated !== undefined) {
    throw new Error(`Credential type "${definition.type}" declares the field "${repeated}" twice.`);
  }
  return definition;
}

/**
 * The credential type as plain data for the server's credential form (the test hook left out).
 *
 * @example
 * credentialTypeManifest(httpBearer);
 * // { type: 'http-bearer', title: 'Bearer token', fields: [{ name: 'token', label: 'Token', secret: true, required: true }] }
 */
export function credentialTypeManifest(credentialType: CredentialType): CredentialTypeManifest {
  return {
    type: credentialType.type,
    title: credentialType.title,
    ...(credentialType.description ? { description: credentialType.description } : {}),
    fields: credentialType.fields.map((field) => ({ ...field })),
    hasTest: credentialType.test !== undefined,
  };
}

/**
 * Plain-data description of a credential type.
 *
 * @example
 * const manifest: CredentialTypeManifest = { type: 'http-basic', title: 'Basic auth', fields: [], hasTest: false };
 */
export interface CredentialTypeManifest {
  type: string;
  title: string;
  description?: string;
  fields: CredentialField[];
  hasTest: boolean;
}

type Simplify<T> = { [K in keyof T]: T[K] } & {};
