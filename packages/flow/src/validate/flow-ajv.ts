import type { ValidateFunction } from 'ajv';
import { createFlowAjv, createSchemaCache } from './schema-compiler.js';

// Made on first use, not at import: ajv compiles schemas into functions with `new Function`, which
// a browser page under a strict Content-Security-Policy (the studio) refuses. The studio imports
// this package for edits and diffs and never validates with it.
let instance: ReturnType<typeof createFlowAjv> | undefined;
let cache: ((schema: object) => ValidateFunction) | undefined;

/**
 * The one ajv instance for flow.json and every node type's config schema.
 *
 * @example
 * flowAjv().compile(FlowDefinitionSchema);
 */
export function flowAjv(): ReturnType<typeof createFlowAjv> {
  instance ??= createFlowAjv();
  return instance;
}

/**
 * A schema's validator, compiled once per schema object.
 *
 * @example
 * const validate = compileSchema(manifest.configSchema); validate(config);
 */
export function compileSchema(schema: object): ValidateFunction {
  cache ??= createSchemaCache(flowAjv());
  return cache(schema);
}
