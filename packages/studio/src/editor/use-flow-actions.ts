import type { FlowDefinition } from '@waybill/flow';
import { useCallback, useState } from 'react';
import { ApiError, api } from '../api/client.js';
import type { RevisionSummary } from '../api/types.js';
import type { EditorStore } from './editor-store.js';
import { draftKey, writeLocal } from './local-store.js';

export interface FlowActionsInit {
  flowId: string;
  latest: RevisionSummary | undefined;
  deployedHash: string | null;
}

/**
 * Save, deploy and rollback for the open flow, with what the toolbar shows about them: the latest
 * saved version, the live one, a sentence about the last action and its error.
 *
 * @example
 * const actions = useFlowActions(store, { flowId, latest, deployedHash });
 * await actions.save();
 */
export function useFlowActions(store: EditorStore, init: FlowActionsInit) {
  const { flowId } = init;
  const base = `/api/flows/${encodeURIComponent(flowId)}`;
  const [latest, setLatest] = useState(init.latest);
  const [deployedHash, setDeployedHash] = useState(init.deployedHash);
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const save = useCallback(
    async (message?: string): Promise<RevisionSummary | undefined> => {
      const definition: FlowDefinition = store.getState().flow;
      setBusy(true);
      setError(undefined);
      setNotice(undefined);
      try {
        const answer = await api<{ revision: RevisionSummary; created: boolean; layoutUpdated: boolean }>(
          'POST',
          `${base}/revisions`,
          {
            definition,
            ...(message ? { message } : {}),
          },
        );
        store.getState().markSaved(definition);
        writeLocal(draftKey(flowId), undefined);
        setLatest(answer.revision);
        const version = answer.revision.version;
        setNotice(
          answer.created
            ? `Saved as version ${version}`
            : answer.layoutUpdated
              ? `Saved the layout of version ${version} (the flow itself is unchanged)`
              : `No changes to save: this is version ${version}`,
        );
        return answer.revision;
      } catch (failure) {
        if (failure instanceof ApiError && failure.problems.length > 0)
          store.getState().setProblems(failure.problems);
        setError(failure);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [base, flowId, store],
  );

  const deploy = useCallback(
    async (revision?: RevisionSummary) => {
      let target = revision ?? latest;
      if (!revision && (store.getState().dirty || !latest)) {
        // Deploying means deploying a saved version: unsaved changes are saved first, if the user agrees.
        if (!window.confirm('The flow has unsaved changes. Save them and deploy the new version?')) return;
        target = await save();
      }
      if (!target) return;
      setBusy(true);
      setError(undefined);
      try {
        await api('POST', `${base}/deployments`, { revision: target.hash });
        setDeployedHash(target.hash);
        setNotice(`Version ${target.version} is live`);
      } catch (failure) {
        setError(failure);
      } finally {
        setBusy(false);
      }
    },
    [base, latest, save, store],
  );

  return { latest, deployedHash, notice, error, busy, save, deploy, setNotice, setError };
}
