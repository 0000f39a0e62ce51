import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { TotpDirectory } from '../core/ports/admin-mfa';

/**
 * Cognito waits 5 s for a trigger, then fails the sign-in. Two attempts of at most 1.5 s each
 * (plus the SDK's backoff) leave room for a cold start, and a hung call ends in time for the
 * trigger to answer without the admin group rather than not at all.
 */
export const COGNITO_TIMEOUTS = { connectionMs: 500, requestMs: 1_500, maxAttempts: 2 } as const;

/** The one Cognito client of the pre-token-generation function; a local endpoint in tests. */
export function createCognitoClient(
  opts: { endpoint?: string | undefined; region?: string | undefined } = {},
): CognitoIdentityProviderClient {
  const local = opts.endpoint !== undefined;
  return new CognitoIdentityProviderClient({
    ...(local
      ? {
          endpoint: opts.endpoint,
          region: opts.region ?? 'local',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : opts.region
        ? { region: opts.region }
        : {}),
    maxAttempts: COGNITO_TIMEOUTS.maxAttempts,
    requestHandler: {
      connectionTimeout: COGNITO_TIMEOUTS.connectionMs,
      requestTimeout: COGNITO_TIMEOUTS.requestMs,
      throwOnRequestTimeout: true,
    },
  });
}

/**
 * TOTP as Cognito keeps it: AdminGetUser's `UserMFASettingList` has `SOFTWARE_TOKEN_MFA` (the
 * factor is enabled) and it is the preferred one. With MFA optional, Cognito asks for the code at
 * every sign-in of such a user; TOTP is the pool's only factor, so requiring it preferred costs
 * nothing and leaves no case where a sign-in could pick a factor this check did not see.
 */
export function cognitoTotpDirectory(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
): TotpDirectory {
  return {
    async hasTotp(username) {
      const user = await client.send(
        new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }),
      );
      return (
        (user.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA') &&
        user.PreferredMfaSetting === 'SOFTWARE_TOKEN_MFA'
      );
    },
  };
}
