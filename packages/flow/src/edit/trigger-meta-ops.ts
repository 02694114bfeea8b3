import type { FlowDefinition, TriggerDefinition } from '../schema/flow-schema.js';
import { isRecord } from './deep-equal.js';
import type { EditOf } from './flow-edit.js';
import { type Applied, fail, type OpOutcome } from './op-outcome.js';
import { patchObject } from './patch-object.js';

const TRIGGER_KEYS = [
  'type',
  'config',
  'dedupe',
  'businessKey',
  'credential',
] as const satisfies readonly (keyof TriggerDefinition)[];
const META_KEYS = ['name', 'description'] as const satisfies readonly (keyof FlowDefinition)[];

/**
 * Patches the trigger; `type` and `config` may change but not go, the rest (the dedupe and business
 * key expressions, the credential) may also be removed.
 *
 * @example
 * setTrigger(flow, { op: 'setTrigger', patch: { businessKey: 'body.order_number' } });
 */
export function setTrigger(flow: FlowDefinition, edit: EditOf<'setTrigger'>): OpOutcome<Applied> {
  if (isRecord(edit.patch) && edit.patch.config !== undefined && !isRecord(edit.patch.config)) {
    return fail('invalid-value', 'A trigger config must be an object; use {} to clear it.');
  }
  const patched = patchObject(flow.trigger, edit.patch, TRIGGER_KEYS, ['type', 'config'], 'the trigger');
  if (!patched.ok) return patched;
  return {
    ok: true,
    value: {
      flow: { ...flow, trigger: patched.value.value },
      inverse: [{ op: 'setTrigger', patch: patched.value.previous }],
    },
  };
}

/**
 * Patches the flow name and description.
 *
 * @example
 * setMeta(flow, { op: 'setMeta', patch: { description: undefined } });
 */
export function setMeta(flow: FlowDefinition, edit: EditOf<'setMeta'>): OpOutcome<Applied> {
  const patched = patchObject(flow, edit.patch, META_KEYS, ['name'], 'the flow');
  if (!patched.ok) return patched;
  return {
    ok: true,
    value: { flow: patched.value.value, inverse: [{ op: 'setMeta', patch: patched.value.previous }] },
  };
}
