/**
 * What a route needs. Every route declares one; roles grant them (auth/roles.ts). `public` routes
 * (health, webhooks, sign-in) need no one signed in; `self` routes need someone signed in, whatever
 * their role (their own profile, password, sign-out and API tokens).
 */
export type Permission =
  | 'public'
  | 'self'
  | 'flows:read'
  | 'flows:write'
  | 'flows:deploy'
  | 'executions:read'
  | 'executions:operate'
  | 'credentials:read'
  | 'credentials:write'
  | 'users:manage'
  | 'audit:read'
  | 'system:read';
