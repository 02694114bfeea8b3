import { Type } from '@sinclair/typebox';
import { defineRoute, json } from '../http/route.js';
import type { ServerDeps } from '../server-deps.js';
import { AnyObject } from './schemas.js';

/**
 * What can be put on a canvas: every node type (core nodes and connector operations, with their
 * config, input and output schemas, effect and ports), every trigger type and every credential
 * type with its fields. The studio builds its palette and config forms from this.
 */
export function catalogRoutes(deps: ServerDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/catalog',
      operationId: 'getCatalog',
      summary: 'Node, trigger and credential types of the installed connectors',
      tag: 'catalog',
      permission: 'flows:read',
      responses: {
        200: {
          description: 'The catalog',
          schema: Type.Object({
            nodeTypes: Type.Array(AnyObject),
            triggerTypes: Type.Array(AnyObject),
            credentialTypes: Type.Array(AnyObject),
          }),
        },
      },
      handler: async () =>
        json(200, {
          nodeTypes: deps.catalog.nodes(),
          triggerTypes: deps.catalog.triggers(),
          credentialTypes: deps.invoker.credentialTypes(),
        }),
    }),
  ];
}
