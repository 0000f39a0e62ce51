import type { TotpDirectory } from './ports/admin-mfa';
import type { AppLogger } from './ports/logger';

/** Why the admin group was left out of a token. */
export type AdminGroupWithheld = 'no_totp' | 'lookup_failed';

export interface GroupsToIssue {
  /** The groups the token carries. */
  readonly groups: readonly string[];
  /** Set when the user is in the admin group but the token will not say so. */
  readonly withheld?: AdminGroupWithheld;
}

/**
 * The groups a new token may carry: all of the user's, except the admin group for a user without
 * an enabled, preferred TOTP factor. Only admins are looked up, so an employee's sign-in never
 * waits on (or fails with) the directory. When the directory cannot answer, the admin group is
 * withheld (fail closed): the user still signs in, as an employee, and the reason is logged.
 */
export async function groupsToIssue(
  deps: { readonly directory: TotpDirectory; readonly logger: AppLogger },
  user: { readonly username: string | undefined; readonly groups: readonly string[] },
  adminGroup: string,
): Promise<GroupsToIssue> {
  if (!user.groups.includes(adminGroup)) return { groups: user.groups };
  const others = user.groups.filter((g) => g !== adminGroup);
  let totp: boolean;
  try {
    if (!user.username) throw new Error('the event names no user');
    totp = await deps.directory.hasTotp(user.username);
  } catch (err) {
    deps.logger.error('admin group withheld: MFA could not be checked', {
      username: user.username,
      adminGroup,
      error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
    });
    return { groups: others, withheld: 'lookup_failed' };
  }
  if (totp) return { groups: user.groups };
  deps.logger.warn('admin group withheld: no TOTP factor enabled', {
    username: user.username,
    adminGroup,
  });
  return { groups: others, withheld: 'no_totp' };
}
