import { describe, expect, it } from 'vitest';
import { ApiEnvSchema, ConfigError, readEnv } from '../../functions/adapters/config';

const BASE = {
  TABLE_NAME: 'apel',
  JWT_ISSUER: 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_abc',
  JWT_AUDIENCE: 'client123',
  REPORTS_BUCKET: 'apel-reports',
  JWT_JWKS_URL:
    'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_abc/.well-known/jwks.json',
};
const COGNITO = 'https://apel-medan.auth.ap-southeast-3.amazoncognito.com';

describe('API environment: the check-in page sign-in', () => {
  it('is optional: without WEB_CLIENT_ID there is no web sign-in', () => {
    const env = readEnv(ApiEnvSchema, BASE);
    expect(env.WEB_CLIENT_ID).toBeUndefined();
    expect(env.OIDC_SCOPES).toEqual(['openid']);
  });

  it('reads the client, endpoints and scopes (space- or comma-separated)', () => {
    const env = readEnv(ApiEnvSchema, {
      ...BASE,
      WEB_CLIENT_ID: 'client123',
      OIDC_AUTHORIZE_URL: `${COGNITO}/oauth2/authorize`,
      OIDC_TOKEN_URL: `${COGNITO}/oauth2/token`,
      OIDC_LOGOUT_URL: `${COGNITO}/logout`,
      OIDC_SCOPES: 'openid email,profile',
    });
    expect(env).toMatchObject({
      WEB_CLIENT_ID: 'client123',
      OIDC_TOKEN_URL: `${COGNITO}/oauth2/token`,
      OIDC_SCOPES: ['openid', 'email', 'profile'],
    });
  });

  it('stops with a message naming each missing endpoint when the client is set', () => {
    expect(() => readEnv(ApiEnvSchema, { ...BASE, WEB_CLIENT_ID: 'client123' })).toThrow(
      ConfigError,
    );
    expect(() => readEnv(ApiEnvSchema, { ...BASE, WEB_CLIENT_ID: 'client123' })).toThrow(
      /OIDC_AUTHORIZE_URL: required with WEB_CLIENT_ID[\s\S]*OIDC_TOKEN_URL: required/,
    );
    expect(() =>
      readEnv(ApiEnvSchema, {
        ...BASE,
        WEB_CLIENT_ID: 'client123',
        OIDC_AUTHORIZE_URL: 'not a url',
        OIDC_TOKEN_URL: `${COGNITO}/oauth2/token`,
      }),
    ).toThrow(/OIDC_AUTHORIZE_URL: must be a URL/);
  });
});
