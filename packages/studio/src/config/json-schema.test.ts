import { describe, expect, it } from 'vitest';
import { fieldTemplates, templateFor } from './json-schema.js';

const annotation = {
  field: 'map',
  default: 'x12-850-to-order',
  options: { 'x12-850-to-order': '( $po := BEG.BEG03; { "number": $po } )', 'x12-945-to-shipment': '{}' },
};

describe('map templates of an expression field', () => {
  it('reads the x-templates annotation of a string field and of its nullable branch', () => {
    const schema = { type: 'string', 'x-jsonata': true, 'x-templates': annotation };
    expect(fieldTemplates(schema)).toEqual(annotation);
    expect(fieldTemplates({ anyOf: [schema, { type: 'null' }] })).toEqual(annotation);
  });

  it('ignores fields without the annotation, a malformed one, and option texts that are not strings', () => {
    expect(fieldTemplates({ type: 'string', 'x-jsonata': true })).toBeUndefined();
    expect(fieldTemplates({ type: 'string', 'x-templates': { options: {} } })).toBeUndefined();
    expect(fieldTemplates({ type: 'string', 'x-templates': { field: 'map', options: 'x' } })).toBeUndefined();
    expect(
      fieldTemplates({ type: 'string', 'x-templates': { field: 'map', options: { a: '$', b: 3 } } }),
    ).toEqual({ field: 'map', default: undefined, options: { a: '$' } });
  });

  it('starts from the option the sibling field names, else from the default', () => {
    expect(templateFor(annotation, { map: 'x12-945-to-shipment' })).toEqual({
      id: 'x12-945-to-shipment',
      text: '{}',
    });
    expect(templateFor(annotation, {})).toEqual({
      id: 'x12-850-to-order',
      text: annotation.options['x12-850-to-order'],
    });
    expect(templateFor(annotation, undefined)?.id).toBe('x12-850-to-order');
  });

  it('offers nothing when the sibling or the default names no option', () => {
    expect(templateFor(annotation, { map: 'order-to-x12-855' })).toBeUndefined();
    expect(templateFor({ ...annotation, default: undefined }, {})).toBeUndefined();
    // A sibling value is a key of the options, never a property every object has.
    expect(templateFor(annotation, { map: 'toString' })).toBeUndefined();
  });
});
