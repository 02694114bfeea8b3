import { coreNodeManifests } from '@waybill/flow';
import { describe, expect, it } from 'vitest';
import { formPointers, placeMessages, schemaMessages, sectionProblems } from './field-messages.js';
import { ajvReference } from './testing/ajv-reference.js';
import { validateConfig } from './validate-config.js';

const schemaOf = (type: string) => coreNodeManifests.find((m) => m.type === type)!.configSchema;

const request = {
  type: 'object',
  required: ['url'],
  additionalProperties: false,
  properties: {
    method: {
      default: 'POST',
      anyOf: [
        { const: 'GET', type: 'string' },
        { const: 'POST', type: 'string' },
      ],
    },
    url: { type: 'string', minLength: 1, pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' },
    headers: { type: 'object', patternProperties: { '^(.*)$': { type: 'string' } } },
    timeoutMs: { type: 'integer', minimum: 1, maximum: 300000 },
    successStatuses: {
      type: 'array',
      minItems: 1,
      items: {
        anyOf: [
          { type: 'integer', minimum: 100, maximum: 599 },
          { type: 'string', pattern: '^[1-5]xx$' },
        ],
      },
    },
  },
};

describe('validation errors placed under fields', () => {
  it('puts a missing required property under its own field', () => {
    const placed = placeMessages(schemaMessages(validateConfig(request, {})), formPointers(request, {}));
    expect(placed.byField.get('/url')).toEqual(['Required.']);
    expect(placed.general).toEqual([]);
  });

  it('maps nested and array errors to the item fields, and unknown keys to the top', () => {
    const branch = schemaOf('core.branch');
    const config = {
      cases: [
        { port: 'ok', condition: 'a +' },
        { port: '1bad', condition: 'b' },
      ],
      extra: 1,
    };
    const placed = placeMessages(
      schemaMessages(validateConfig(branch, config)),
      formPointers(branch, config),
    );
    expect(placed.byField.get('/cases/0/condition')?.[0]).toMatch(/^Is not valid JSONata: .*at character/);
    expect(placed.byField.get('/cases/1/port')?.[0]).toMatch(/^Must match the pattern/);
    expect(placed.general).toEqual(['Has the unknown field "extra".']);
  });

  it('puts errors inside a map or JSON field under that field', () => {
    const config = { url: 'https://x', headers: { 'X-Key': 5 } };
    const placed = placeMessages(
      schemaMessages(validateConfig(request, config)),
      formPointers(request, config),
    );
    expect(placed.byField.get('/headers')).toEqual(['Must be a string.']);
  });

  it('reads a union of constants as one "one of" message', () => {
    const messages = schemaMessages(validateConfig(request, { url: 'https://x', method: 'PUT' }));
    expect(messages).toEqual([{ pointer: '/method', message: 'Must be one of "GET", "POST".' }]);
  });
});

describe('validateConfig, the browser validator (no eval under the CSP)', () => {
  const cases: Array<[string, Record<string, unknown>, unknown]> = [
    ['request, empty', request, {}],
    [
      'request, wrong types',
      request,
      { url: 'ftp://x', method: 'PUT', timeoutMs: 0.5, headers: { a: 1 }, x: 1 },
    ],
    ['request, statuses', request, { url: 'http://x', successStatuses: [200, '2xx', '9xx', 700] }],
    ['request, empty statuses', request, { url: 'http://x', successStatuses: [] }],
    ['branch', schemaOf('core.branch'), { cases: [{ port: '', condition: '$x(' }] }],
    ['delay', schemaOf('core.delay'), {}],
    ['fail', schemaOf('core.fail'), { code: 'lower', message: '' }],
    ['forEach', schemaOf('core.forEach'), { concurrency: 99, onItemError: 'skip' }],
  ];

  it.each(cases)('finds what ajv finds: %s', (_name, schema, value) => {
    const key = (e: { pointer: string; keyword: string }) => `${e.pointer} ${e.keyword}`;
    const fromAjv = ajvReference(schema, value).map(key).sort();
    expect(validateConfig(schema, value).map(key).sort()).toEqual(fromAjv);
    expect(fromAjv.length).toBeGreaterThan(0);
  });

  it('accepts valid configs', () => {
    expect(
      validateConfig(request, { url: 'https://x', headers: { a: 'b' }, successStatuses: ['2xx'] }),
    ).toEqual([]);
    expect(validateConfig(schemaOf('core.transform'), { expression: '{ "n": name }' })).toEqual([]);
  });
});

describe('sectionProblems', () => {
  const problems = [
    { code: 'invalid-config', nodeId: 'map', pointer: '/nodes/2/config/expression', message: 'bad expr' },
    { code: 'missing-credential', nodeId: 'map', pointer: '/nodes/2/credential', message: 'needs cred' },
    { code: 'unreachable-node', nodeId: 'map', pointer: '/nodes/2', message: 'unreachable' },
    { code: 'invalid-structure', nodeId: 'map', pointer: '/nodes/2/retry/maxAttempts', message: 'too many' },
    { code: 'invalid-config', nodeId: 'other', pointer: '/nodes/3/config/x', message: 'not mine' },
    { code: 'invalid-trigger-config', pointer: '/trigger/config/cron', message: 'bad cron' },
    { code: 'missing-credential', pointer: '/trigger/credential', message: 'trigger cred' },
  ];

  it('keeps the problems of one node, assigned to the part of the panel their pointer names', () => {
    expect(sectionProblems(problems, { nodeId: 'map' })).toEqual([
      { section: 'config', pointer: '/expression', message: 'bad expr' },
      { section: 'credential', pointer: '', message: 'needs cred' },
      { section: 'general', pointer: '', message: 'unreachable' },
      { section: 'retry', pointer: '', message: 'too many' },
    ]);
  });

  it('drops config-schema problems the panel checks itself, and scopes trigger problems', () => {
    expect(sectionProblems(problems, { nodeId: 'map' }, true).map((p) => p.message)).toEqual([
      'needs cred',
      'unreachable',
      'too many',
    ]);
    expect(sectionProblems(problems, { trigger: true })).toEqual([
      { section: 'config', pointer: '/cron', message: 'bad cron' },
      { section: 'credential', pointer: '', message: 'trigger cred' },
    ]);
  });
});
