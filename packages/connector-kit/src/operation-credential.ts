import type { ResolvedCredential } from './connector-call.js';
import type { CredentialType, TypedCredential } from './credential-type.js';
import type { Operation } from './define-operation.js';
import { userError } from './errors.js';

/**
 * Checks the node's credential against what the operation accepts and returns it with only the
 * declared fields, as strings. Everything wrong here is fixed on the node or the credential page,
 * so the errors are user errors naming what to change.
 *
 * @example
 * credentialForOperation(sendRequest, { id: 'api', type: 'http-bearer', values: { token: 't' } });
 * // { id: 'api', type: 'http-bearer', values: { token: 't' }, allowedHosts: [] }
 */
export function credentialForOperation(
  operation: Pick<Operation, 'credential'>,
  resolved: ResolvedCredential | undefined,
): TypedCredential<CredentialType> | undefined {
  const accepts = operation.credential;
  if (!accepts) return undefined;
  if (!resolved) {
    if (!accepts.required) return undefined;
    throw userError({
      code: 'CREDENTIAL_REQUIRED',
      message: `This node needs a credential (${titles(accepts.types)}); choose one in the node's settings.`,
    });
  }
  const credentialType = accepts.types.find((candidate) => candidate.type === resolved.type);
  if (!credentialType) {
    throw userError({
      code: 'CREDENTIAL_TYPE_MISMATCH',
      message: `The credential "${resolved.id}" is of type "${resolved.type}", but this node accepts only ${titles(accepts.types)}; choose a matching credential.`,
    });
  }
  const values: Record<string, string> = {};
  for (const field of credentialType.fields) {
    const value = resolved.values[field.name];
    if (value === undefined || value === null || value === '') {
      if (field.required) {
        throw userError({
          code: 'CREDENTIAL_INCOMPLETE',
          message: `The credential "${resolved.id}" has no value for "${field.label}"; fill it in on the credentials page.`,
        });
      }
      continue;
    }
    if (typeof value === 'number' || typeof value === 'boolean') {
      values[field.name] = String(value);
    } else if (typeof value === 'string') {
      values[field.name] = value;
    } else {
      throw userError({
        code: 'CREDENTIAL_INVALID',
        message: `The credential "${resolved.id}" holds something other than text in "${field.label}"; enter it again on the credentials page.`,
      });
    }
  }
  return {
    id: resolved.id,
    type: credentialType.type,
    values,
    allowedHosts: [...(resolved.allowedHosts ?? [])],
  };
}

function titles(types: readonly CredentialType[]): string {
  return types.map((credentialType) => `"${credentialType.title}"`).join(' or ');
}
