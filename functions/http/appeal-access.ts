import type { Context } from 'hono';
import { mayOperateUnit } from '../core/access';
import type { Decider } from '../core/appeal-flow';
import { callerAccess } from './access';
import type { AppDeps } from './deps';
import type { AppEnv } from './env';

export interface AppealScope extends Decider {
  readonly admin: boolean;
  /** The units an operator runs (their staff record); empty for anyone else. */
  readonly units: readonly string[];
}

/** Who may list and decide appeals: an admin, or an operator for the units of their staff record. */
export async function appealScope(c: Context<AppEnv>, deps: AppDeps): Promise<AppealScope> {
  const access = await callerAccess(c, deps);
  return {
    userId: access.userId,
    admin: access.admin,
    units: access.units,
    mayOperateUnit: (unit) => mayOperateUnit(access, unit),
  };
}
