import type { Context } from 'hono';
import type { Decider } from '../core/appeal-flow';
import { unitKey } from '../core/rollcall-schedule';
import type { AppDeps } from './deps';
import type { AppEnv } from './env';

export interface AppealScope extends Decider {
  readonly admin: boolean;
  /** The units an operator runs; empty for anyone else. */
  readonly units: readonly string[];
}

/**
 * Who may list and decide appeals: an admin, or an operator for the units of their staff record.
 * Until the staff records exist (helper "staff", `access-ready`), only admins.
 */
export async function appealScope(c: Context<AppEnv>, _deps: AppDeps): Promise<AppealScope> {
  const { employeeId, admin } = c.var.principal;
  const units: readonly string[] = [];
  return {
    userId: employeeId,
    admin,
    units,
    mayOperateUnit: (unit) => admin || units.some((u) => unitKey(u) === unitKey(unit)),
  };
}
