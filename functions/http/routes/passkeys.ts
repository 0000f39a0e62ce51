import { randomBytes } from 'node:crypto';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import { NotOnRoster } from '../../core/checkin-errors';
import type { StoredPasskey } from '../../core/ports/presence';
import {
  activePasskeys,
  authenticationOptions,
  CHALLENGE_TTL_S,
  registrationOptions,
  verifyRegistration,
} from '../../core/presence/device-binding';
import { PasskeyInvalid } from '../../core/presence/errors';
import { audit } from '../audit';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { bearer, errorResponses, jsonResponse, SIGNED_IN } from '../openapi-docs';
import { relyingPartyOf } from '../presence';
import { ChallengeResponse, PasskeyList, PasskeyOut, RegistrationBody } from '../presence-schemas';
import { valid } from '../validate';

export const passkeyOut = (p: StoredPasskey) => ({
  credentialId: p.credentialId,
  status: p.status,
  createdAt: p.createdAt,
  ...(p.lastUsedAt ? { lastUsedAt: p.lastUsedAt } : {}),
});

const challengeValue = () => randomBytes(32).toString('base64url');

/** The employee's own passkeys: registration (options, then the response) and the list. */
export function myPasskeyRoutes(deps: AppDeps) {
  const passkeys = deps.stores.presence.passkeys;
  const onRoster = async (employeeId: string) => {
    const e = await deps.stores.roster.get(employeeId);
    if (!e?.active) throw new NotOnRoster(employeeId);
    return e;
  };
  return new Hono<AppEnv>()
    .get(
      '/',
      describeRoute({
        tags: ['passkeys'],
        summary: 'My passkeys (the phones bound to me) and whether the deployment asks for one',
        security: bearer,
        responses: {
          200: jsonResponse('my passkeys', PasskeyList),
          ...errorResponses([...SIGNED_IN, 'STORE_UNAVAILABLE']),
        },
      }),
      async (c) => {
        const employeeId = c.var.principal.employeeId;
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
      '/options',
      describeRoute({
        tags: ['passkeys'],
        summary: 'Start registering this phone: WebAuthn creation options with a fresh challenge',
        description:
          'The challenge is stored server-side for 2 minutes and is good for one registration.',
        security: bearer,
        responses: {
          200: jsonResponse(
            'PublicKeyCredentialCreationOptionsJSON',
            v.looseObject({
              challenge: v.string(),
              rp: v.looseObject({ id: v.optional(v.string()) }),
            }),
          ),
          ...errorResponses([
            ...SIGNED_IN,
            'NOT_ON_ROSTER',
            'PAYLOAD_TOO_LARGE',
            'STORE_UNAVAILABLE',
          ]),
        },
      }),
      async (c) => {
        const employee = await onRoster(c.var.principal.employeeId);
        const rp = relyingPartyOf(deps, c);
        const nowS = Math.floor(deps.clock.now().getTime() / 1000);
        const value = challengeValue();
        const record = await passkeys.setChallenge(employee.employeeId, 'reg', {
          value,
          expiresAt: nowS + CHALLENGE_TTL_S,
        });
        return c.json(await registrationOptions(rp, employee, record, value));
      },
    )
    .post(
      '/',
      describeRoute({
        tags: ['passkeys'],
        summary: 'Register this phone: the WebAuthn registration response',
        description:
          'The first passkey of an employee is active at once; a later one (another phone) waits ' +
          'for an admin’s approval (GET /v1/passkeys/pending).',
        security: bearer,
        responses: {
          201: jsonResponse('registered', v.object({ passkey: PasskeyOut })),
          ...errorResponses([
            ...SIGNED_IN,
            'VALIDATION_FAILED',
            'NOT_ON_ROSTER',
            'PASSKEY_INVALID',
            'PAYLOAD_TOO_LARGE',
            'STORE_UNAVAILABLE',
          ]),
        },
      }),
      valid('json', RegistrationBody),
      async (c) => {
        const employee = await onRoster(c.var.principal.employeeId);
        const now = deps.clock.now();
        const nowS = Math.floor(now.getTime() / 1000);
        const record = await passkeys.load(employee.employeeId);
        const { challenge, passkey } = await verifyRegistration(
          relyingPartyOf(deps, c),
          record,
          c.req.valid('json') as RegistrationResponseJSON,
          nowS,
          now.toISOString(),
        );
        const stored = await passkeys.addPasskey(employee.employeeId, challenge, passkey, nowS);
        if (!stored) throw new PasskeyInvalid('challenge_spent');
        await audit(c, deps, {
          action: 'passkey.register',
          subject: `passkey:${employee.employeeId}`,
          before: null,
          after: passkeyOut(stored),
        });
        deps.logger.info('passkey registered', {
          requestId: c.var.requestId,
          employeeId: employee.employeeId,
          status: stored.status,
        });
        return c.json({ passkey: passkeyOut(stored) }, 201);
      },
    );
}

/** GET /v1/checkins/challenge: the fresh, single-use challenge a check-in's assertion signs. */
export function challengeRoutes(deps: AppDeps) {
  const passkeys = deps.stores.presence.passkeys;
  return new Hono<AppEnv>().get(
    '/challenge',
    describeRoute({
      tags: ['check-in'],
      summary: 'A fresh challenge for the passkey assertion of the next check-in',
      description:
        'Stored server-side for 2 minutes and good for one check-in; asking again replaces it. ' +
        'While `deviceBinding` is off, no challenge is made.',
      security: bearer,
      responses: {
        200: jsonResponse(
          'the challenge and the options for navigator.credentials.get',
          ChallengeResponse,
        ),
        ...errorResponses([...SIGNED_IN, 'STORE_UNAVAILABLE']),
      },
    }),
    async (c) => {
      const employeeId = c.var.principal.employeeId;
      const settings = await deps.stores.settings.getSettings();
      if (settings.deviceBinding === 'off') {
        return c.json({ deviceBinding: 'off' as const, registered: false, pending: 0 });
      }
      const now = deps.clock.now();
      const expiresAt = Math.floor(now.getTime() / 1000) + CHALLENGE_TTL_S;
      const value = challengeValue();
      const record = await passkeys.setChallenge(employeeId, 'auth', { value, expiresAt });
      const options = await authenticationOptions(relyingPartyOf(deps, c), record, value);
      return c.json({
        deviceBinding: settings.deviceBinding,
        options,
        registered: activePasskeys(record).length > 0,
        pending: record.passkeys.length - activePasskeys(record).length,
        expiresAt: new Date(expiresAt * 1000).toISOString(),
      });
    },
  );
}
