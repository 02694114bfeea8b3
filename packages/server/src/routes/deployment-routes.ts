import { Type } from '@sinclair/typebox';
import { actorOf } from '../auth/principal.js';
import { notFound } from '../http/api-error.js';
import { defineRoute, json } from '../http/route.js';
import type { WebhookIntake } from '../intake/webhook-intake.js';
import type { ServerDeps } from '../server-deps.js';
import { findRevision } from './revision-routes.js';
import { ErrorResponse, FlowParams, RevisionRef } from './schemas.js';

const Deployment = Type.Object({
  flowId: Type.String(),
  revisionHash: Type.String(),
  version: Type.Integer(),
  deployedAt: Type.String(),
  deployedBy: Type.Union([Type.String(), Type.Null()]),
});

/** Deployments: point the flow's live traffic at a revision; rollback is deploying an older one. */
export function deploymentRoutes(deps: ServerDeps, intake: Pick<WebhookIntake, 'invalidate'>) {
  const { store } = deps;
  return [
    defineRoute({
      method: 'post',
      path: '/api/flows/{flowId}/deployments',
      operationId: 'deployRevision',
      summary: 'Deploy a revision (deploying an older one is a rollback)',
      tag: 'deployments',
      permission: 'flows:deploy',
      params: FlowParams,
      body: Type.Object({ revision: RevisionRef }, { additionalProperties: false }),
      responses: {
        201: { description: 'Deployed', schema: Deployment },
        404: { description: 'Not found', schema: ErrorResponse },
      },
      handler: async ({ params, body, c }) => {
        const revision = await findRevision(deps, params.flowId, body.revision);
        const previous = await store.deployments.current(params.flowId);
        const deployment = await store.deployments.deploy(params.flowId, revision.hash, null);
        // This server serves the new revision at once; others within their cache time (1 s).
        intake.invalidate(params.flowId);
        // Deploying an older revision than the live one is a rollback, and the audit log says so.
        const rollback = previous !== undefined && revision.version < previous.version;
        await store.audit.append({
          actor: actorOf(c),
          action: rollback ? 'flow.rollback' : 'flow.deploy',
          targetType: 'flow',
          targetId: params.flowId,
          details: {
            revision: revision.hash,
            version: revision.version,
            ...(previous ? { previousVersion: previous.version } : {}),
          },
        });
        return json(201, deployment);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/flows/{flowId}/deployments',
      operationId: 'listDeployments',
      summary: 'Deployment history, newest first; the first is live',
      tag: 'deployments',
      permission: 'flows:read',
      params: FlowParams,
      responses: { 200: { description: 'History', schema: Type.Object({ items: Type.Array(Deployment) }) } },
      handler: async ({ params }) => {
        if (!(await store.flows.get(params.flowId))) throw notFound('flow', params.flowId);
        return json(200, { items: await store.deployments.history(params.flowId) });
      },
    }),
  ];
}
