import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { CanonicalOrderSchema } from './entities/order.js';
import { embed } from './primitives.js';
import { canonicalSchemas, canonicalSchemasByEntity } from './registry.js';
import { canonicalSamples, sampleEdiOrder } from './samples/index.js';
import { canonicalEntityNames, canonicalSchemaId } from './schema-id.js';
import { strictAjv } from './test-support.js';

type Node = Record<string, unknown>;

/** Every subschema with its JSON pointer, the root included. */
function* walk(node: unknown, pointer = ''): Generator<[string, Node]> {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) yield* walk(item, `${pointer}/${index}`);
    return;
  }
  const schema = node as Node;
  yield [pointer, schema];
  for (const key of ['properties', 'patternProperties'] as const) {
    const members = schema[key] as Node | undefined;
    for (const [name, member] of Object.entries(members ?? {}))
      yield* walk(member, `${pointer}/${key}/${name}`);
  }
  for (const key of ['items', 'anyOf'] as const) yield* walk(schema[key], `${pointer}/${key}`);
}

const entities = canonicalEntityNames.map((entity) => [entity, canonicalSchemasByEntity[entity]] as const);

describe('canonical schemas', () => {
  it.each(entities)('the %s schema compiles on its own in strict ajv', (_entity, schema) => {
    expect(() => strictAjv().compile(schema)).not.toThrow();
  });

  it('all schemas compile together in one ajv and resolve by $id', () => {
    const ajv = strictAjv();
    for (const schema of canonicalSchemas) ajv.addSchema(schema);
    for (const entity of canonicalEntityNames) {
      const validate = ajv.compile({ $ref: canonicalSchemaId(entity) });
      expect(validate(canonicalSamples[entity]), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('lists every entity once, each under the $id canonicalSchemaId gives it', () => {
    expect(canonicalSchemas).toHaveLength(canonicalEntityNames.length);
    for (const [entity, schema] of entities) expect(schema.$id).toBe(canonicalSchemaId(entity));
  });

  it.each(entities)('the %s schema declares no $id below its root', (_entity, schema) => {
    const nested = [...walk(schema)].filter(([pointer, node]) => pointer !== '' && '$id' in node);
    expect(nested.map(([pointer]) => pointer)).toEqual([]);
  });

  it('the schema walk reaches nested line properties, so the checks below are not vacuous', () => {
    const pointers = [...walk(CanonicalOrderSchema)].map(([pointer]) => pointer);
    expect(pointers).toContain('/properties/lines/items/properties/taxes/items/properties/rate');
    expect(pointers).toContain('/properties/customer/properties/billingAddress/properties/countryCode');
  });

  it.each(entities)('every property of the %s schema has a description', (_entity, schema) => {
    const undescribed = [...walk(schema)]
      .filter(
        ([pointer, node]) => /\/properties\/[^/]+$/.test(pointer) && typeof node.description !== 'string',
      )
      .map(([pointer]) => pointer);
    expect(undescribed).toEqual([]);
  });

  it.each(entities)('every object in the %s schema refuses unknown properties', (_entity, schema) => {
    const open = [...walk(schema)]
      .filter(([, node]) => node.properties !== undefined && node.additionalProperties !== false)
      .map(([pointer]) => pointer);
    expect(open).toEqual([]);
  });

  it.each(entities)('the %s sample is valid', (entity, schema) => {
    const validate = strictAjv().compile(schema);
    expect(validate(canonicalSamples[entity]), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the EDI order sample is valid', () => {
    const validate = strictAjv().compile(CanonicalOrderSchema);
    expect(validate(sampleEdiOrder), JSON.stringify(validate.errors)).toBe(true);
  });

  it('samples are frozen so one test cannot change what another sees', () => {
    expect(Object.isFrozen(canonicalSamples.order.lines[0])).toBe(true);
    expect(() => {
      canonicalSamples.order.lines[0]!.sku = 'CHANGED';
    }).toThrow(TypeError);
    const copy = structuredClone(canonicalSamples.order);
    copy.lines[0]!.sku = 'CHANGED';
    expect(copy.lines[0]!.sku).toBe('CHANGED');
  });

  it('a connector schema can embed an entity twice next to the registered schemas', () => {
    const ajv = strictAjv();
    for (const schema of canonicalSchemas) ajv.addSchema(schema);
    const ConnectorOutput = Type.Object(
      {
        before: embed(CanonicalOrderSchema, 'The order as received.'),
        after: embed(CanonicalOrderSchema, 'The order as stored.'),
        viaRef: Type.Ref(canonicalSchemaId('order'), { description: 'The order by reference.' }),
      },
      { additionalProperties: false },
    );
    const order = canonicalSamples.order;
    expect(ajv.validate(ConnectorOutput, { before: order, after: order, viaRef: order })).toBe(true);
  });
});
