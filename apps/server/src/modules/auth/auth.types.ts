import type { Permission, UnitKind } from '@tianlang/contracts';

/** The signed-in user as every policy and service sees it. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  /** office, partner department, platform, 上级网信部门…: units outside the tree see only what is sent to them */
  unitKind: UnitKind;
  jurisdictionId: string;
  /** materialized path of the user's jurisdiction; the user's scope is everything under it */
  scopePath: string;
  roles: string[];
  permissions: ReadonlySet<Permission>;
  /** an initial or reset password: until it is changed, the session may do little else */
  mustChangePassword: boolean;
}

export interface AuthContext {
  user: AuthUser;
  tokenHash: string;
  csrfToken: string;
  expiresAt: Date;
}

/** The first role is the one recorded on events as the actor's role. */
export const primaryRole = (user: AuthUser): string | null => user.roles[0] ?? null;
