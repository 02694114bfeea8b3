import type { FlowEdit, TriggerDefinition, TriggerTypeManifest } from '@waybill/flow';
import { useMemo } from 'react';
import type { Problem } from '../api/client.js';
import type { CredentialMeta } from '../api/types.js';
import { ConfigForm, useConfigMessages } from './config-form.js';
import { CredentialPicker } from './credential-picker.js';
import { sectionProblems } from './field-messages.js';
import { JsonataEditor } from './jsonata-editor.js';
import { jsonataProblem } from './product-keywords.js';
import { writeAtPointer } from './write-at-pointer.js';
import './config.css';

/**
 * The side panel of the flow's trigger: the form of its type's config schema, its credential, and
 * the dedupe and business-key expressions. `sample` (optional) is a trigger payload to preview the
 * expressions against.
 *
 * @example
 * <TriggerConfigPanel trigger={flow.trigger} manifest={catalog.trigger(flow.trigger.type)}
 *   credentials={credentials} problems={problems} onEdit={apply} />
 */
export function TriggerConfigPanel(props: {
  trigger: TriggerDefinition;
  manifest: TriggerTypeManifest | undefined;
  credentials: CredentialMeta[];
  problems: Problem[];
  onEdit: (edit: FlowEdit) => void;
  sample?: unknown;
}) {
  const { trigger, manifest, credentials, problems, onEdit, sample } = props;
  const server = useMemo(
    () => sectionProblems(problems, { trigger: true }, manifest !== undefined),
    [problems, manifest],
  );
  const messages = useConfigMessages(manifest?.configSchema, trigger.config, server);
  const of = (section: string) => server.filter((p) => p.section === section).map((p) => p.message);
  const general = [...of('general'), ...messages.general];
  const patch = (change: Partial<TriggerDefinition>) => onEdit({ op: 'setTrigger', patch: change });
  const signed = typeof trigger.config?.signature === 'object' || trigger.config?.secretPath === true;

  return (
    <section className="config-panel" aria-label="Trigger settings">
      <header className="config-head">
        <div>
          <h2>{manifest?.title ?? trigger.type}</h2>
          <code className="muted">{trigger.type}</code>
          {manifest?.description && <p className="muted">{manifest.description}</p>}
        </div>
      </header>
      {general.length > 0 && (
        <ul className="banner error config-problems">
          {general.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {!manifest && <p className="banner warn">The trigger type "{trigger.type}" is not in the catalog.</p>}
      {(manifest?.credential || trigger.credential || signed) && (
        <CredentialPicker
          spec={
            manifest?.credential && signed ? { ...manifest.credential, required: true } : manifest?.credential
          }
          credentials={credentials}
          value={trigger.credential}
          messages={of('credential')}
          onChange={(credential) => patch({ credential })}
        />
      )}
      {manifest && (
        <fieldset className="config-section">
          <legend>Settings</legend>
          <ConfigForm
            schema={manifest.configSchema}
            value={trigger.config}
            messages={messages}
            sample={sample}
            onSet={(pointer, value) =>
              patch({ config: writeAtPointer(trigger.config ?? {}, pointer, value) })
            }
          />
        </fieldset>
      )}
      <fieldset className="config-section">
        <legend>Keys</legend>
        <KeyExpression
          label="dedupe"
          hint="JSONata over the trigger payload giving the delivery key; repeats are not run twice."
          value={trigger.dedupe}
          sample={sample}
          messages={of('dedupe')}
          onChange={(dedupe) => patch({ dedupe })}
        />
        <KeyExpression
          label="businessKey"
          hint="JSONata over the trigger payload giving the key support searches by (order number, PO)."
          value={trigger.businessKey}
          sample={sample}
          messages={of('businessKey')}
          onChange={(businessKey) => patch({ businessKey })}
        />
      </fieldset>
    </section>
  );
}

function KeyExpression(props: {
  label: string;
  hint: string;
  value: string | undefined;
  sample: unknown;
  messages: string[];
  onChange: (value: string | undefined) => void;
}) {
  const { label, hint, value, sample, onChange } = props;
  const syntax = value ? jsonataProblem(value) : undefined;
  const messages = syntax ? [`I${syntax.slice(1)}.`, ...props.messages] : props.messages;
  return (
    <div className="field">
      {/* An empty expression removes the key: the trigger then has none. */}
      <JsonataEditor
        label={label}
        value={value ?? ''}
        sample={sample}
        onChange={(next) => onChange(next.trim() ? next : undefined)}
      />
      <span className="field-hint">{hint}</span>
      {messages.length > 0 && <span className="field-error">{[...new Set(messages)].join(' ')}</span>}
    </div>
  );
}
