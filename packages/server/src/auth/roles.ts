import type { UserRole } from '@waybill/store';
import type { Permission } from '../http/permissions.js';

export const ROLES: readonly UserRole[] = ['admin', 'designer', 'operator', 'viewer'];

const VIEWER: readonly Permission[] = [
  'self',
  'flows:read',
  'executions:read',
  'credentials:read',
  'system:read',
];

/**
 * What each role may do. Designers build and save flows but do not deploy them; operators run
 * production (deploy, replay, the dead-letter inbox) but do not edit flows; only admins touch
 * credentials, users and the audit log.
 */
const GRANTS: Record<UserRole, readonly Permission[]> = {
  viewer: VIEWER,
  designer: [...VIEWER, 'flows:write'],
  operator: [...VIEWER, 'flows:deploy', 'executions:operate'],
  admin: [
    ...VIEWER,
    'flows:write',
    'flows:deploy',
    'executions:operate',
    'credentials:write',
    'users:manage',
    'audit:read',
  ],
};

// A partner account works inside its own flows only: nothing installation-wide (users, the audit
// log, metrics across every flow) is theirs to read.
const NOT_FOR_PARTNERS: ReadonlySet<Permission> = new Set(['users:manage', 'audit:read', 'system:read']);

/**
 * The permissions of an account. Partner designers also manage their own partner's credentials:
 * onboarding a trading partner means filling in its connection details.
 *
 * @example
 * permissionsOf({ role: 'designer', partnerId: null }).has('flows:deploy'); // false
 */
export function permissionsOf(user: { role: UserRole; partnerId: string | null }): ReadonlySet<Permission> {
  const granted = new Set(GRANTS[user.role]);
  if (user.partnerId === null) return granted;
  for (const permission of NOT_FOR_PARTNERS) granted.delete(permission);
  if (user.role === 'designer') granted.add('credentials:write');
  return granted;
}

/**
 * The roles that hold a permission, for error messages ("needs the operator or admin role").
 *
 * @example
 * rolesWith('flows:deploy'); // ['admin', 'operator']
 */
export function rolesWith(permission: Permission): UserRole[] {
  return ROLES.filter((role) => GRANTS[role].includes(permission));
}
