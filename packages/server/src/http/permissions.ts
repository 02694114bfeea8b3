/**
 * What a route needs. Every route declares one; the access-control layer grants them by role
 * (admin, designer, operator, viewer). `public` routes (health, webhooks) need none.
 */
export type Permission =
  | 'public'
  | 'flows:read'
  | 'flows:write'
  | 'flows:deploy'
  | 'executions:read'
  | 'executions:operate'
  | 'credentials:read'
  | 'credentials:write'
  | 'audit:read'
  | 'system:read';
