import type { RetryPolicy } from '@waybill/flow';
import { useMemo } from 'react';
import { formPointers, placeMessages, schemaMessages } from './field-messages.js';
import { RETRY_POLICY_SCHEMA } from './retry-schema.js';
import { ObjectFields } from './schema-form.js';
import { validateConfig } from './validate-config.js';
import { writeAtPointer } from './write-at-pointer.js';

/**
 * The node's retry policy, edited with the generated form over the policy's schema. Turning retries
 * off removes the policy (one attempt, the engine's default).
 *
 * @example
 * <RetryEditor retry={node.retry} sample={undefined} problems={[]} onChange={(retry) => onEdit({ op: 'updateNode', nodeId, patch: { retry } })} />
 */
export function RetryEditor(props: {
  retry: RetryPolicy | undefined;
  problems: string[];
  onChange: (retry: RetryPolicy | undefined) => void;
}) {
  const { retry, problems, onChange } = props;
  const placed = useMemo(() => {
    const local = retry ? schemaMessages(validateConfig(RETRY_POLICY_SCHEMA, retry)) : [];
    return placeMessages(local, formPointers(RETRY_POLICY_SCHEMA, retry));
  }, [retry]);
  const general = [...placed.general, ...problems];
  return (
    <fieldset className="config-section">
      <legend>Retries</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={retry !== undefined}
          onChange={(event) => onChange(event.target.checked ? { maxAttempts: 3 } : undefined)}
        />
        retry
      </label>
      {general.length > 0 && <p className="field-error">{general.join(' ')}</p>}
      {retry && (
        <ObjectFields
          schema={RETRY_POLICY_SCHEMA}
          value={retry}
          pointer=""
          ctx={{
            sample: undefined,
            messagesAt: (pointer) => placed.byField.get(pointer) ?? [],
            onSet: (pointer, value) => onChange(writeAtPointer(retry, pointer, value) as RetryPolicy),
          }}
        />
      )}
    </fieldset>
  );
}
