import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PreTokenGenerationV2Event } from '../../functions/handlers/pre-token-generation';
import { type CognitoLocal, startCognitoLocal } from '../support/cognito-local';

const POOL = 'ap-southeast-3_AbCdEf123';
const MFA = { mfa: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' };
let cognito: CognitoLocal;
type Handler = (e: PreTokenGenerationV2Event) => Promise<PreTokenGenerationV2Event>;

/**
 * A version-2 pre-token-generation event as Cognito sends it to the function (trigger version
 * V2_0), for a sign-in through managed login by `userName` in `groups`.
 */
function preTokenEvent(
  userName: string,
  groups: string[],
  triggerSource = 'TokenGeneration_HostedAuth',
): PreTokenGenerationV2Event {
  return {
    version: '2',
    triggerSource,
    region: 'ap-southeast-3',
    userPoolId: POOL,
    userName,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: '1example23456789' },
    request: {
      userAttributes: {
        sub: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
        'cognito:user_status': 'CONFIRMED',
        email: 'hendra@example.go.id',
        email_verified: 'true',
      },
      groupConfiguration: { groupsToOverride: groups, iamRolesToOverride: [], preferredRole: null },
      scopes: ['openid', 'profile'],
    },
    response: { claimsAndScopeOverrideDetails: null },
  };
}

/** The structured log lines (Powertools JSON on stdout/stderr) written while `fn` runs. */
async function logsDuring<T>(fn: () => Promise<T>) {
  const chunks: string[] = [];
  const spies = [process.stdout, process.stderr].map((s) =>
    vi.spyOn(s, 'write').mockImplementation((chunk) => {
      chunks.push(String(chunk));
      return true;
    }),
  );
  try {
    const result = await fn();
    const logs = chunks
      .join('')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    return { result, logs };
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

/** The handler module, loaded afresh with this environment (it reads it once, at load). */
async function loadHandler(env: Record<string, string>): Promise<Handler> {
  vi.resetModules();
  delete process.env.GROUPS_CLAIM;
  delete process.env.ADMIN_GROUP;
  Object.assign(process.env, {
    COGNITO_ENDPOINT: cognito.endpoint,
    AWS_REGION: 'ap-southeast-3',
    ...env,
  });
  return (await import('../../functions/handlers/pre-token-generation')).handler;
}

beforeAll(async () => {
  cognito = await startCognitoLocal(POOL, {
    '198001012005011001': MFA,
    '198202022006022002': {},
    // Enabled but not preferred: with one factor in the pool, not enough.
    '198303032007033003': { mfa: ['SOFTWARE_TOKEN_MFA'] },
  });
});
afterAll(async () => {
  await cognito.stop();
});

describe('pre-token-generation trigger (V2_0), default groups claim', () => {
  let handler: Handler;
  beforeAll(async () => {
    handler = await loadHandler({});
  });

  it('keeps the admin group of an admin with TOTP: the token is as Cognito made it', async () => {
    const event = preTokenEvent('198001012005011001', ['admin']);
    const before = cognito.calls.length;
    const out = await handler(structuredClone(event));
    expect(out).toEqual(event);
    expect(cognito.calls.slice(before)).toEqual([
      {
        target: 'AWSCognitoIdentityProviderService.AdminGetUser',
        body: { UserPoolId: POOL, Username: '198001012005011001' },
      },
    ]);
  });

  it('takes the admin group out of both tokens of an admin without TOTP, and logs it', async () => {
    const { result, logs } = await logsDuring(() =>
      handler(preTokenEvent('198202022006022002', ['admin', 'dinas-kesehatan'])),
    );
    expect(result.response).toEqual({
      claimsAndScopeOverrideDetails: {
        groupOverrideDetails: { groupsToOverride: ['dinas-kesehatan'] },
      },
    });
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: 'WARN',
        message: 'admin group withheld: no TOTP factor enabled',
        username: '198202022006022002',
        service: 'apel-pre-token',
      }),
    );
  });

  it('takes it out when TOTP is enabled but not the preferred factor', async () => {
    const out = await handler(preTokenEvent('198303032007033003', ['admin']));
    expect(out.response.claimsAndScopeOverrideDetails?.groupOverrideDetails).toEqual({
      groupsToOverride: [],
    });
  });

  it('decides again at every refresh', async () => {
    const out = await handler(
      preTokenEvent('198202022006022002', ['admin'], 'TokenGeneration_RefreshTokens'),
    );
    expect(out.response.claimsAndScopeOverrideDetails?.groupOverrideDetails).toEqual({
      groupsToOverride: [],
    });
  });

  it('leaves an employee who is no admin untouched, without calling Cognito', async () => {
    const before = cognito.calls.length;
    for (const groups of [[], ['dinas-kesehatan']]) {
      const event = preTokenEvent('199001012015011009', groups);
      expect(await handler(structuredClone(event))).toEqual(event);
    }
    // Even while Cognito fails: an employee's sign-in never depends on the lookup.
    cognito.fail('internal', 'internal');
    const event = preTokenEvent('199001012015011009', ['dinas-kesehatan']);
    expect(await handler(structuredClone(event))).toEqual(event);
    expect(cognito.calls.length).toBe(before);
    cognito.heal();
  });

  it('fails closed when AdminGetUser fails: the admin group is withheld, the error logged', async () => {
    cognito.calls.length = 0;
    cognito.fail('internal', 'internal');
    const { result, logs } = await logsDuring(() =>
      handler(preTokenEvent('198001012005011001', ['admin'])),
    );
    expect(cognito.calls).toHaveLength(2); // the SDK tried twice
    expect(result.response.claimsAndScopeOverrideDetails).toEqual({
      groupOverrideDetails: { groupsToOverride: [] },
    });
    const error = logs.find((l) => l.level === 'ERROR');
    expect(error).toMatchObject({
      message: 'admin group withheld: MFA could not be checked',
      username: '198001012005011001',
    });
    expect(String(error?.error)).toContain('InternalErrorException');
  });

  it('fails closed for an admin Cognito does not know', async () => {
    const { result, logs } = await logsDuring(() =>
      handler(preTokenEvent('198909092019099009', ['admin'])),
    );
    expect(result.response.claimsAndScopeOverrideDetails?.groupOverrideDetails).toEqual({
      groupsToOverride: [],
    });
    expect(String(logs.find((l) => l.level === 'ERROR')?.error)).toContain('UserNotFoundException');
  });

  it('answers within the 5 s Cognito waits when Cognito hangs, without the admin group', async () => {
    cognito.fail('hang', 'hang');
    const started = performance.now();
    const out = await handler(preTokenEvent('198001012005011001', ['admin']));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(out.response.claimsAndScopeOverrideDetails?.groupOverrideDetails).toEqual({
      groupsToOverride: [],
    });
  }, 10_000);

  it('issues no groups for an event it cannot read', async () => {
    const { result, logs } = await logsDuring(() =>
      handler({ version: '2' } as unknown as PreTokenGenerationV2Event),
    );
    expect(result.response.claimsAndScopeOverrideDetails).toEqual({
      groupOverrideDetails: { groupsToOverride: [] },
    });
    expect(logs.some((l) => l.level === 'ERROR')).toBe(true);
  });
});

describe('pre-token-generation trigger, configured names', () => {
  it('writes the groups into the access token under the API’s claim, and reads the admin group’s name', async () => {
    const handler = await loadHandler({ GROUPS_CLAIM: 'apel:groups', ADMIN_GROUP: 'bkd' });
    const without = await handler(preTokenEvent('198202022006022002', ['bkd', 'admin']));
    expect(without.response.claimsAndScopeOverrideDetails).toEqual({
      groupOverrideDetails: { groupsToOverride: ['admin'] },
      accessTokenGeneration: { claimsToAddOrOverride: { 'apel:groups': ['admin'] } },
    });
    const kept = await handler(preTokenEvent('198001012005011001', ['bkd']));
    expect(kept.response.claimsAndScopeOverrideDetails).toEqual({
      groupOverrideDetails: { groupsToOverride: ['bkd'] },
      accessTokenGeneration: { claimsToAddOrOverride: { 'apel:groups': ['bkd'] } },
    });
  });
});
