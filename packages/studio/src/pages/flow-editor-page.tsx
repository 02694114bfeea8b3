import type { FlowDefinition } from '@waybill/flow';
import { Link } from 'wouter';
import { ApiError, api } from '../api/client.js';
import type { Catalog, CredentialMeta, FlowRow, RevisionRow } from '../api/types.js';
import { FlowEditor } from '../editor/flow-editor.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { useAsync } from '../ui/use-async.js';

interface Loaded {
  flowRow: FlowRow;
  revision: RevisionRow | undefined;
  definition: FlowDefinition;
  catalog: Catalog;
  credentials: CredentialMeta[];
}

/**
 * The flow editor at /flows/:flowId: loads the flow, its latest revision (a new flow starts from
 * an empty webhook flow), the catalog and the credentials, then hands them to the editor.
 */
export function FlowEditorPage({ params }: { params: { flowId: string } }) {
  const flowId = params.flowId;
  const loaded = useAsync(() => load(flowId), [flowId]);
  if (loaded.error) {
    return (
      <section>
        <ErrorBanner error={loaded.error} />
        <Link href="/flows">Back to flows</Link>
      </section>
    );
  }
  if (!loaded.data) return <p className="muted">Loading the flow…</p>;
  // Keyed by flow id: another flow gets a fresh store and history.
  return <FlowEditor key={flowId} {...loaded.data} />;
}

async function load(flowId: string): Promise<Loaded> {
  const base = `/api/flows/${encodeURIComponent(flowId)}`;
  const [flowRow, catalog, credentials] = await Promise.all([
    api<FlowRow>('GET', base),
    api<Catalog>('GET', '/api/catalog'),
    // Roles without credentials:read still edit flows; they just pick from no credentials.
    api<{ items: CredentialMeta[] }>('GET', '/api/credentials').then(
      (answer) => answer.items,
      (error: unknown) => {
        if (error instanceof ApiError && (error.status === 403 || error.status === 401)) return [];
        throw error;
      },
    ),
  ]);
  const revision = flowRow.latestRevision
    ? await api<RevisionRow>('GET', `${base}/revisions/${flowRow.latestRevision}`)
    : undefined;
  const definition: FlowDefinition = revision?.definition ?? {
    schemaVersion: 1,
    id: flowRow.id,
    name: flowRow.name,
    trigger: { type: 'core.webhook', config: {} },
    nodes: [],
    edges: [],
  };
  return { flowRow, revision, definition, catalog, credentials };
}
