import { useMemo } from 'react';
import { JsonField } from './field-controls.js';
import {
  formPointers,
  type PlacedMessages,
  placeMessages,
  type SectionProblem,
  schemaMessages,
} from './field-messages.js';
import { fieldShape, type JsonSchema } from './json-schema.js';
import { ObjectFields } from './schema-form.js';
import { validateConfig } from './validate-config.js';

/**
 * The messages of a config: what the schema check in the browser finds now, plus the server's
 * problems about the config, each under its field.
 *
 * @example
 * const messages = useConfigMessages(manifest.configSchema, node.config, sectionProblems(problems, { nodeId }));
 */
export function useConfigMessages(
  schema: JsonSchema | undefined,
  value: Record<string, unknown> | undefined,
  server: readonly SectionProblem[],
): PlacedMessages {
  return useMemo(() => {
    const config = value ?? {};
    const local = schema ? schemaMessages(validateConfig(schema, config)) : [];
    const remote = server
      .filter((p) => p.section === 'config')
      .map(({ pointer, message }) => ({ pointer, message }));
    return placeMessages([...local, ...remote], schema ? formPointers(schema, config) : new Set());
  }, [schema, value, server]);
}

/**
 * The generated form of a config schema; each change calls `onSet` with the field's JSON pointer.
 *
 * @example
 * <ConfigForm schema={schema} value={config} messages={messages} sample={sample} onSet={(path, value) => …} />
 */
export function ConfigForm(props: {
  schema: JsonSchema;
  value: Record<string, unknown> | undefined;
  messages: PlacedMessages;
  sample: unknown;
  onSet: (pointer: string, value: unknown) => void;
}) {
  const { schema, value, messages, sample, onSet } = props;
  const ctx = { onSet, sample, messagesAt: (pointer: string) => messages.byField.get(pointer) ?? [] };
  if (fieldShape(schema).kind !== 'object') {
    // A config schema the form cannot split into fields is edited as one JSON value.
    return (
      <JsonField
        label="config"
        schema={schema}
        required
        value={value ?? {}}
        messages={[]}
        onChange={(next) => onSet('', next ?? {})}
      />
    );
  }
  return <ObjectFields schema={schema} value={value ?? {}} pointer="" ctx={ctx} />;
}
