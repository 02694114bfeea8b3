import type { FlowEdit, NodeDefinition, NodeTypeManifest } from '@waybill/flow';
import { useMemo, useState } from 'react';
import type { Problem } from '../api/client.js';
import type { CredentialMeta } from '../api/types.js';
import { ConfigForm, useConfigMessages } from './config-form.js';
import { CredentialPicker } from './credential-picker.js';
import { sectionProblems } from './field-messages.js';
import { IdField, NodeTextField } from './node-fields.js';
import { RawNodeJson } from './raw-node-json.js';
import { RetryEditor } from './retry-editor.js';
import './config.css';

/**
 * The side panel of the selected node: its id, name, credential, the form generated from its
 * type's config schema, retries, disabled and notes; or the whole node as raw JSON. Every change
 * is one FlowEdit.
 *
 * @example
 * <NodeConfigPanel node={node} manifest={catalog.node(node.type)} credentials={credentials}
 *   sampleInput={pinned} problems={problems} onEdit={(edit) => history.apply(edit)} />
 */
export function NodeConfigPanel(props: {
  node: NodeDefinition;
  manifest: NodeTypeManifest | undefined;
  credentials: CredentialMeta[];
  sampleInput: unknown;
  problems: Problem[];
  onEdit: (edit: FlowEdit) => void;
}) {
  const { node, manifest, credentials, sampleInput, problems, onEdit } = props;
  const [raw, setRaw] = useState(false);
  const nodeId = node.id;
  const server = useMemo(
    () => sectionProblems(problems, { nodeId }, manifest !== undefined),
    [problems, nodeId, manifest],
  );
  const messages = useConfigMessages(manifest?.configSchema, node.config, server);
  const update = (patch: Extract<FlowEdit, { op: 'updateNode' }>['patch']) =>
    onEdit({ op: 'updateNode', nodeId, patch });
  const of = (section: string) => server.filter((p) => p.section === section).map((p) => p.message);
  const general = [...of('general'), ...messages.general];

  return (
    <section className="config-panel" aria-label="Node settings">
      <header className="config-head">
        <div>
          <h2>{node.name || manifest?.title || node.type}</h2>
          <code className="muted">{node.type}</code>
          {manifest?.description && <p className="muted">{manifest.description}</p>}
        </div>
        {manifest && (
          <button type="button" aria-pressed={raw} onClick={() => setRaw(!raw)}>
            Raw JSON
          </button>
        )}
      </header>
      {general.length > 0 && (
        <ul className="banner error config-problems">
          {general.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {!manifest && (
        <p className="banner warn">
          The node type "{node.type}" is not in the catalog, so there is no form for it; edit the node as
          JSON.
        </p>
      )}
      {raw || !manifest ? (
        <RawNodeJson node={node} onEdit={onEdit} />
      ) : (
        <>
          <IdField
            id={nodeId}
            messages={of('id')}
            onRename={(newId) => onEdit({ op: 'renameNode', nodeId, newId })}
          />
          <NodeTextField
            label="name"
            hint="Label shown on the canvas."
            placeholder={manifest.title}
            value={node.name}
            onChange={(name) => update({ name })}
          />
          {(manifest.credential || node.credential) && (
            <CredentialPicker
              spec={manifest.credential}
              credentials={credentials}
              value={node.credential}
              messages={of('credential')}
              onChange={(credential) => update({ credential })}
            />
          )}
          <fieldset className="config-section">
            <legend>Settings</legend>
            <ConfigForm
              schema={manifest.configSchema}
              value={node.config}
              messages={messages}
              sample={sampleInput}
              onSet={(path, value) => onEdit({ op: 'setConfig', nodeId, path, value })}
            />
          </fieldset>
          <RetryEditor retry={node.retry} problems={of('retry')} onChange={(retry) => update({ retry })} />
          <label className="check">
            <input
              type="checkbox"
              checked={node.disabled === true}
              onChange={(event) => update({ disabled: event.target.checked ? true : undefined })}
            />
            disabled
          </label>
          <span className="field-hint">A disabled node passes its input through unchanged.</span>
          <NodeTextField label="notes" multiline value={node.notes} onChange={(notes) => update({ notes })} />
        </>
      )}
    </section>
  );
}
