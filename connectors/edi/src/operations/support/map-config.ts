import { Type } from '@sinclair/typebox';
import { userError } from '@waybill/connector-kit';
import { loadMapSource } from '../../maps/load-map.js';
import { shippedMaps } from '../../maps/map-catalog.js';
import { EdiMapError, runMap } from '../../maps/run-map.js';

/**
 * The config fields of the mapping nodes: a shipped map by id, or the analyst's own JSONata
 * (usually a shipped map copied and adapted for one partner), which then wins.
 */
export function mapConfigSchema(direction: 'to-canonical' | 'from-canonical', fallback: string) {
  const ids = shippedMaps.filter((m) => m.direction === direction).map((m) => m.id);
  return Type.Object(
    {
      map: Type.Union(
        ids.map((id) => Type.Literal(id)),
        { default: fallback, description: 'The shipped map to run when no expression is given.' },
      ),
      expression: Type.Optional(
        Type.String({
          'x-jsonata': true,
          // The studio offers to start the expression from the shipped map the node names.
          'x-templates': { field: 'map', default: fallback, options: shippedSources(ids) },
          description:
            'Your own map, in JSONata; when given it runs instead of the shipped one. Start from a copy of the shipped map (connectors/edi/maps).',
        }),
      ),
    },
    { additionalProperties: false },
  );
}

/**
 * Runs the node's map over one input, turning map failures into a node error that names the map.
 *
 * @example
 * await runConfiguredMap({ map: 'x12-850-to-order' }, set, 'to_order');
 */
export async function runConfiguredMap(
  config: { map: string; expression?: string | undefined },
  input: unknown,
  nodeId: string,
): Promise<unknown> {
  const custom = config.expression !== undefined && config.expression.trim() !== '';
  const name = custom ? `in node "${nodeId}"` : config.map;
  try {
    return await runMap(custom ? (config.expression ?? '') : loadMapSource(config.map), input, name);
  } catch (error) {
    if (error instanceof EdiMapError) {
      throw userError({
        code: 'EDI_MAP_FAILED',
        message: error.message,
        ...(error.position !== undefined ? { details: { position: error.position } } : {}),
      });
    }
    throw error;
  }
}

function shippedSources(ids: readonly string[]): Record<string, string> {
  return Object.fromEntries(ids.map((id) => [id, loadMapSource(id)]));
}
