import { RetryPolicySchema } from '@waybill/flow';
import type { JsonSchema } from './json-schema.js';

/** The flow format's retry policy, as the schema the retry editor's form is built from. */
export const RETRY_POLICY_SCHEMA: JsonSchema = JSON.parse(JSON.stringify(RetryPolicySchema));
