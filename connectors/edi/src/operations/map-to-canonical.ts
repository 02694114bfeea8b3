import { Type } from '@sinclair/typebox';
import { defineOperation, userError } from '@waybill/connector-kit';
import { shippedMap } from '../maps/map-catalog.js';
import { mapConfigSchema, runConfiguredMap } from './support/map-config.js';

const ConfigSchema = Type.Composite([
  mapConfigSchema('to-canonical', 'x12-850-to-order'),
  Type.Object({
    sets: Type.Optional(
      Type.Union([Type.Literal('single'), Type.Literal('all')], {
        default: 'single',
        description:
          'single: the interchange must hold one matching set and the output is its entity; all: the output is a list, one entity per set (follow with a For each).',
      }),
    ),
  }),
]);

/**
 * `edi.toCanonical`: maps the transaction sets of a parsed interchange (those of the map's set
 * type) to canonical entities with a shipped or adapted JSONata map.
 *
 * @example
 * { "id": "to_order", "type": "edi.toCanonical", "config": { "map": "x12-850-to-order" } }
 * // output: { number: '08292233294', source: { system: 'edi' }, lines: [...] }
 */
export const mapToCanonicalOperation = defineOperation({
  type: 'edi.toCanonical',
  title: 'Map EDI to canonical',
  description:
    'Turns each transaction set of a parsed interchange into a canonical entity (order, shipment…) with an editable JSONata map.',
  icon: 'arrow-right-left',
  effect: 'read',
  idempotency: 'none',
  idempotencyNote: 'Pure: maps its input.',
  configSchema: Type.Object(ConfigSchema.properties, { additionalProperties: false }),
  inputSchema: Type.Object(
    { sets: Type.Array(Type.Any()), standard: Type.String() },
    { additionalProperties: true },
  ),
  async run(ctx) {
    const map = shippedMap(ctx.config.map);
    const custom = ctx.config.expression !== undefined && ctx.config.expression.trim() !== '';
    // An adapted map may read any set; a shipped one reads only its own kind.
    const sets = ctx.input.sets.filter((s) => custom || (map && s.set === map.set));
    if (sets.length === 0) {
      throw userError({
        code: 'EDI_NO_MATCHING_SET',
        message: `Node "${ctx.nodeId}" found no ${map?.set ?? ''} set to map in the interchange (it holds ${ctx.input.sets.map((s) => s.set).join(', ') || 'none'}).`,
      });
    }
    if ((ctx.config.sets ?? 'single') === 'single' && sets.length > 1) {
      throw userError({
        code: 'EDI_SEVERAL_SETS',
        message: `Node "${ctx.nodeId}" was given ${sets.length} sets to map but is set to map a single one; set "sets" to "all" and follow it with a For each node.`,
      });
    }
    const entities = [];
    for (const set of sets) entities.push(await runConfiguredMap(ctx.config, set, ctx.nodeId));
    return (ctx.config.sets ?? 'single') === 'single' ? entities[0] : entities;
  },
});
