import { type ComponentType, lazy } from 'react';
import { AuditPage } from '../pages/audit-page.js';
import { CredentialsPage } from '../pages/credentials-page.js';
import { DashboardPage } from '../pages/dashboard-page.js';
import { DeadLettersPage } from '../pages/dead-letters-page.js';
import { DocumentsPage } from '../pages/documents-page.js';
import { ExecutionDetailPage } from '../pages/execution-detail-page.js';
import { ExecutionsPage } from '../pages/executions-page.js';
import { FlowsPage } from '../pages/flows-page.js';
import { TokensPage } from '../pages/tokens-page.js';
import { UsersPage } from '../pages/users-page.js';

export interface StudioRoute {
  path: string;
  // biome-ignore lint/suspicious/noExplicitAny: wouter passes route params to each page.
  component: ComponentType<any>;
  /** Shown in the sidebar under this label; routes without one are reached by links. */
  label?: string;
  /** The permission a role needs to see the page; pages of other roles are hidden. */
  permission?: string;
}

// The editor carries the canvas and the code editor, most of the studio's weight: it loads when a
// flow is first opened, so signing in and the operations pages start fast.
const FlowEditorPage = lazy(() =>
  import('../pages/flow-editor-page.js').then((module) => ({ default: module.FlowEditorPage })),
);

/** Every page of the studio, in sidebar order. */
export const routes: StudioRoute[] = [
  { path: '/dashboard', component: DashboardPage, label: 'Dashboard', permission: 'executions:read' },
  { path: '/flows', component: FlowsPage, label: 'Flows', permission: 'flows:read' },
  { path: '/flows/:flowId', component: FlowEditorPage, permission: 'flows:read' },
  { path: '/executions', component: ExecutionsPage, label: 'Executions', permission: 'executions:read' },
  { path: '/executions/:executionId', component: ExecutionDetailPage, permission: 'executions:read' },
  { path: '/documents', component: DocumentsPage, label: 'Documents', permission: 'executions:read' },
  { path: '/dead-letters', component: DeadLettersPage, label: 'Dead letters', permission: 'executions:read' },
  { path: '/credentials', component: CredentialsPage, label: 'Credentials', permission: 'credentials:read' },
  { path: '/users', component: UsersPage, label: 'Users', permission: 'users:manage' },
  { path: '/tokens', component: TokensPage, label: 'API tokens', permission: 'self' },
  { path: '/audit', component: AuditPage, label: 'Audit log', permission: 'audit:read' },
];
