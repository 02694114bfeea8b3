import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { defineCredentialType } from '../credential-type.js';
import { type Connector, defineConnector } from '../define-connector.js';
import { defineOperation, type Operation } from '../define-operation.js';
import { describeConnectorContract } from './connector-contract.js';
import { connectorContractChecks } from './contract-checks.js';

const token = defineCredentialType({
  type: 'echo-token',
  title: 'Echo token',
  fields: [{ name: 'token', label: 'Token', secret: true, required: true }],
});

const echo = defineOperation({
  type: 'echo.send',
  title: 'Send',
  description: 'Sends the input back.',
  effect: 'write',
  idempotency: 'native-key',
  configSchema: Type.Object(
    { prefix: Type.Optional(Type.String({ default: '' })) },
    { additionalProperties: false },
  ),
  credential: { types: [token], required: false },
  run: async (ctx) => ctx.input,
});

const good = defineConnector({ id: 'echo', title: 'Echo', operations: [echo], credentialTypes: [token] });

function problemsOf(connector: Connector): string[] {
  return connectorContractChecks(connector).flatMap((check) => check.problems());
}

function withOperation(changes: Partial<Operation>): Connector {
  return { ...good, operations: [{ ...echo, ...changes } as Operation] };
}

describeConnectorContract(good);

describe('connector contract checks', () => {
  it('find nothing wrong with a well-formed connector', () => {
    expect(problemsOf(good)).toEqual([]);
  });

  it('catch a type outside the connector or repeated', () => {
    expect(problemsOf(withOperation({ type: 'other.send' }))).toEqual([
      'The operation type "other.send" is not "echo.<verb>".',
    ]);
    expect(problemsOf({ ...good, operations: [echo, echo] })).toContain(
      'Two operations share the type "echo.send".',
    );
  });

  it('catch a write that is not idempotent and does not say why', () => {
    expect(problemsOf(withOperation({ idempotency: 'none' }))).toEqual([
      'The write operation "echo.send" declares idempotency "none" without an idempotencyNote saying why repeating it is acceptable.',
    ]);
    expect(
      problemsOf(withOperation({ idempotency: 'none', idempotencyNote: 'Sending twice is harmless.' })),
    ).toEqual([]);
  });

  it('catch a schema ajv cannot compile in strict mode', () => {
    const [problem] = problemsOf(
      withOperation({ configSchema: Type.Object({ a: Type.String({ 'x-unknown': 1 }) }) }),
    );
    expect(problem).toMatch(
      /^The config schema of "echo.send" does not compile: strict mode: unknown keyword/,
    );
  });

  it('catch an accepted credential type the connector does not list', () => {
    const stray = defineCredentialType({ type: 'stray', title: 'Stray', fields: [] });
    expect(problemsOf(withOperation({ credential: { types: [stray], required: false } }))).toEqual([
      'The operation "echo.send" accepts the credential type "stray", which the connector does not list.',
    ]);
  });

  it('catch a rate limit that lets no request through', () => {
    expect(problemsOf({ ...good, rateLimit: { requests: 2, perSeconds: 1 } })).toEqual([]);
    expect(problemsOf({ ...good, rateLimit: { requests: 0, perSeconds: 1 } })).toEqual([
      'The connector "echo" declares a rate limit that lets no request through: {"requests":0,"perSeconds":1}.',
    ]);
    expect(problemsOf(withOperation({ rateLimit: { requests: 5, perSeconds: 0 } }))).toEqual([
      'The operation "echo.send" declares a rate limit that lets no request through: {"requests":5,"perSeconds":0}.',
    ]);
  });

  it('catch an undeclared effect or idempotency', () => {
    expect(
      problemsOf(
        withOperation({
          effect: 'mutate' as Operation['effect'],
          idempotency: 'maybe' as Operation['idempotency'],
        }),
      ),
    ).toEqual([
      'The operation "echo.send" has the unknown effect "mutate".',
      'The operation "echo.send" has the unknown idempotency "maybe".',
    ]);
  });

  it('catch a manifest that does not survive JSON', () => {
    expect(
      problemsOf(
        withOperation({
          configSchema: Type.Object({ n: Type.Integer({ default: 10n as unknown as number }) }),
        }),
      ),
    ).toEqual(expect.arrayContaining([expect.stringContaining('is not JSON-serialisable')]));
  });
});
