import { describe, expect, it } from 'vitest';
import {
  ApiEnvSchema,
  ConfigError,
  readEnv,
  verifierOptions,
} from '../../functions/adapters/config';

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

describe('API environment: the longest token lifetime', () => {
  it('is a day unless JWT_MAX_LIFETIME_S says otherwise, and reaches the verifier', () => {
    expect(verifierOptions(readEnv(ApiEnvSchema, BASE)).maxLifetimeS).toBe(86_400);
    const env = readEnv(ApiEnvSchema, { ...BASE, JWT_MAX_LIFETIME_S: '3600' });
    expect(verifierOptions(env).maxLifetimeS).toBe(3600);
  });

  it.each([
    ['abc', /JWT_MAX_LIFETIME_S: must be a whole number of seconds/],
    ['-5', /JWT_MAX_LIFETIME_S: must be a whole number of seconds/],
    ['1.5', /JWT_MAX_LIFETIME_S: must be a whole number of seconds/],
    ['59', /JWT_MAX_LIFETIME_S: must be at least 60/],
    ['999999999', /JWT_MAX_LIFETIME_S: must be at most 604800/],
  ])('stops on %s with a message naming the variable', (value, message) => {
    expect(() => readEnv(ApiEnvSchema, { ...BASE, JWT_MAX_LIFETIME_S: value })).toThrow(message);
  });
});
