import { coreNodeManifests, coreTriggerManifests } from '@waybill/flow';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from './default-config.js';

const node = (type: string) => coreNodeManifests.find((m) => m.type === type)!.configSchema;

describe('defaultConfig', () => {
  it('fills required fields with placeholders and keeps defaults of optional ones', () => {
    expect(defaultConfig(node('core.transform'))).toEqual({ expression: '' });
    expect(defaultConfig(node('core.forEach'))).toEqual({ concurrency: 4, onItemError: 'fail' });
    expect(defaultConfig(node('core.fail'))).toEqual({ code: 'FLOW_FAILED', message: '' });
  });

  it('gives required arrays their minimum number of items, objects their required fields', () => {
    expect(defaultConfig(node('core.branch'))).toEqual({
      cases: [{ port: '', condition: '' }],
      mode: 'first',
    });
  });

  it('takes the first option of a required enum and the minimum of a required number', () => {
    expect(
      defaultConfig({
        type: 'object',
        required: ['algorithm', 'count', 'flag', 'nested'],
        properties: {
          algorithm: { anyOf: [{ const: 'hmac-sha1' }, { const: 'hmac-sha256' }] },
          count: { type: 'integer', minimum: 5 },
          flag: { type: 'boolean' },
          nested: {
            type: 'object',
            required: ['a'],
            properties: { a: { type: 'string' }, b: { type: 'string' } },
          },
          optional: { type: 'string' },
        },
      }),
    ).toEqual({ algorithm: 'hmac-sha1', count: 5, flag: false, nested: { a: '' } });
  });

  it('copies default values so that editing one config cannot change the manifest', () => {
    const schema = { type: 'object', properties: { list: { type: 'array', default: ['a'] } } };
    const config = defaultConfig(schema);
    (config.list as string[]).push('b');
    expect(schema.properties.list.default).toEqual(['a']);
  });

  it('gives trigger configs their defaults and an empty object for no schema', () => {
    const schedule = coreTriggerManifests.find((m) => m.type === 'core.schedule')!.configSchema;
    expect(defaultConfig(schedule)).toEqual({
      cron: '',
      timezone: 'UTC',
      missedRuns: 'runOnce',
      allowOverlap: false,
    });
    expect(defaultConfig(undefined)).toEqual({});
  });
});
