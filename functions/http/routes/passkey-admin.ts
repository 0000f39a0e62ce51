import { Hono } from 'hono';
import * as v from 'valibot';
import { NotFound } from '../../core/errors';
import { EmployeeIdParam } from '../admin-schemas';
import { audit } from '../audit';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { adminRoute } from '../openapi-docs';
import { CredentialParam, PasskeyList, PasskeyOut, PendingList } from '../presence-schemas';
import { valid } from '../validate';
import { passkeyOut } from './passkeys';

/** GET /v1/passkeys/pending: every second phone waiting for an admin. */
export function pendingPasskeyRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get(
    '/pending',
    adminRoute(
      'admin: passkeys',
      'Passkeys (second phones) waiting for approval',
      {
        200: ['the waiting passkeys, oldest first', PendingList],
      },
      [],
    ),
    async (c) => {
      const pending = await deps.stores.presence.passkeys.pending();
      const people = await deps.stores.roster.getMany([
        ...new Set(pending.map((p) => p.employeeId)),
      ]);
      return c.json({
        items: pending
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
          .map((p) => {
            const e = people.get(p.employeeId);
            return { ...p, ...(e ? { name: e.name, unit: e.unit } : {}) };
          }),
      });
    },
  );
}

/** An employee's passkeys, for admins: list, approve a waiting one, reset all (a lost phone). */
export function employeePasskeyRoutes(deps: AppDeps) {
  const passkeys = deps.stores.presence.passkeys;
  return new Hono<AppEnv>()
    .get(
      '/:employeeId/passkeys',
      adminRoute(
        'admin: passkeys',
        "An employee's passkeys",
        { 200: ['the passkeys', PasskeyList] },
        ['VALIDATION_FAILED'],
      ),
      valid('param', EmployeeIdParam),
      async (c) => {
        const { employeeId } = c.req.valid('param');
        const [record, settings] = await Promise.all([
          passkeys.load(employeeId),
          deps.stores.settings.getSettings(),
        ]);
        return c.json({
          employeeId,
          deviceBinding: settings.deviceBinding,
          passkeys: record.passkeys.map(passkeyOut),
        });
      },
    )
    .post(
      '/:employeeId/passkeys/:credentialId/approve',
      adminRoute(
        'admin: passkeys',
        'Approve a waiting passkey: the phone may check in',
        { 200: ['approved', v.object({ employeeId: v.string(), passkey: PasskeyOut })] },
        ['VALIDATION_FAILED', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE'],
      ),
      valid('param', CredentialParam),
      async (c) => {
        const { employeeId, credentialId } = c.req.valid('param');
        const record = await passkeys.load(employeeId);
        const before = record.passkeys.find((p) => p.credentialId === credentialId);
        const approved = await passkeys.approve(employeeId, credentialId);
        if (!approved) throw new NotFound('passkey', credentialId);
        await audit(c, deps, {
          action: 'passkey.approve',
          subject: `passkey:${employeeId}`,
          before: before ? passkeyOut(before) : null,
          after: passkeyOut(approved),
        });
        deps.logger.info('passkey approved', {
          requestId: c.var.requestId,
          employeeId,
          by: c.var.principal.employeeId,
        });
        return c.json({ employeeId, passkey: passkeyOut(approved) });
      },
    )
    .delete(
      '/:employeeId/passkeys',
      adminRoute(
        'admin: passkeys',
        "Reset an employee's passkeys (a lost or changed phone): the next one registered is active",
        { 200: ['reset', v.object({ employeeId: v.string(), removed: v.number() })] },
        ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE'],
      ),
      valid('param', EmployeeIdParam),
      async (c) => {
        const { employeeId } = c.req.valid('param');
        const record = await passkeys.load(employeeId);
        const removed = await passkeys.reset(employeeId);
        await audit(c, deps, {
          action: 'passkey.reset',
          subject: `passkey:${employeeId}`,
          before: record.passkeys.map(passkeyOut),
          after: { removed },
        });
        deps.logger.info('passkeys reset', {
          requestId: c.var.requestId,
          employeeId,
          removed,
          by: c.var.principal.employeeId,
        });
        return c.json({ employeeId, removed });
      },
    );
}
