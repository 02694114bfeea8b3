import { createFlowAjv, createSchemaCache } from './schema-compiler.js';

/** One ajv instance for flow.json and every node type's config schema, compiled once per schema. */
export const flowAjv = createFlowAjv();
export const compileSchema = createSchemaCache(flowAjv);
