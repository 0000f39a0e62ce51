import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_POINT, DEMO_SITE, demoRoster } from '../../functions/local/demo';
import { startDynalite } from '../../functions/local/dynalite';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, localIssuer } from '../../functions/local/issuer';
import { freshStore } from '../support/dynamo';
import { httpApiEvent, lambdaContext, settingsOpenNow } from '../support/lambda';

const COGNITO = 'https://apel-medan.auth.ap-southeast-3.amazoncognito.com';
const COGNITO_IDP = 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_abc';
let stop: () => Promise<void>;
let handler: typeof import('../../functions/handlers/api')['handler'];
let issuer: Awaited<ReturnType<typeof localIssuer>>;

beforeAll(async () => {
  const dynamo = await startDynalite();
  const { stores, tableName, client } = await freshStore(dynamo.endpoint);
  stop = async () => {
    client.destroy();
    await dynamo.close();
  };
  await stores.settings.putSettings(settingsOpenNow());
  await stores.sites.put(DEMO_SITE);
  await stores.roster.putMany(demoRoster(5));
  issuer = await localIssuer(await mkdtemp(join(tmpdir(), 'apel-keys-')));
  // The handler reads its configuration once, at import, as on Lambda.
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    REPORTS_BUCKET: 'apel-reports-test',
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    AWS_REGION: 'ap-southeast-3',
    JWT_ISSUER: LOCAL_ISSUER,
    JWT_AUDIENCE: LOCAL_AUDIENCE,
    JWT_JWKS: JSON.stringify(issuer.jwks),
    JWT_ALGORITHMS: 'RS256',
    LOG_LEVEL: 'SILENT',
    WEB_CLIENT_ID: 'web-client-1',
    OIDC_AUTHORIZE_URL: `${COGNITO}/oauth2/authorize`,
    OIDC_TOKEN_URL: `${COGNITO}/oauth2/token`,
    OIDC_SCOPES: 'openid email',
    OIDC_ISSUER: COGNITO_IDP,
    OIDC_JWKS_URL: `${COGNITO_IDP}/.well-known/jwks.json`,
  });
  ({ handler } = await import('../../functions/handlers/api'));
});
afterAll(() => stop());

describe('api handler (API Gateway HTTP API v2 event)', () => {
  it('checks in, then answers the repeat with the same check-in', async () => {
    const token = await issuer.sign({ employeeId: 'demo-001' });
    const body = {
      lat: DEMO_POINT.lat,
      lon: DEMO_POINT.lon,
      accuracy: 6,
      capturedAt: new Date().toISOString(),
    };
    const first = await handler(
      httpApiEvent('POST', '/v1/checkins', { body, token }),
      lambdaContext('api'),
    );
    expect(first.statusCode).toBe(201);
    expect(first.headers?.['content-type']).toMatch(/application\/json/);
    const parsed = JSON.parse(first.body);
    expect(parsed).toMatchObject({
      duplicate: false,
      checkin: { employeeId: 'demo-001', status: 'on_time' },
    });
    const again = await handler(
      httpApiEvent('POST', '/v1/checkins', { body, token }),
      lambdaContext('api'),
    );
    expect(again.statusCode).toBe(200);
    expect(JSON.parse(again.body)).toEqual({ ...parsed, duplicate: true });
  });

  it('reads the query string and answers errors in the error shape', async () => {
    const token = await issuer.sign({ employeeId: 'demo-002' });
    const day = await handler(
      httpApiEvent('GET', '/v1/checkins/me', { token, query: 'date=2026-11-27' }),
      lambdaContext('api'),
    );
    expect(day.statusCode).toBe(200);
    expect(JSON.parse(day.body)).toMatchObject({ employeeId: 'demo-002', date: '2026-11-27' });
    const denied = await handler(
      httpApiEvent('GET', '/v1/settings', { token }),
      lambdaContext('api'),
    );
    expect(denied.statusCode).toBe(403);
    expect(JSON.parse(denied.body).error.code).toBe('FORBIDDEN');
    const anon = await handler(httpApiEvent('GET', '/v1/health'), lambdaContext('api'));
    expect(anon.statusCode).toBe(200);
  });

  it('serves the check-in page and its Cognito sign-in config; no local sign-in on Lambda', async () => {
    const page = await handler(httpApiEvent('GET', '/'), lambdaContext('api'));
    expect(page.statusCode).toBe(200);
    expect(page.headers?.['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<html lang="id">');
    expect(page.headers?.['content-security-policy']).toContain(
      `connect-src 'self' ${COGNITO} https://cognito-idp.ap-southeast-3.amazonaws.com;`,
    );
    const config = await handler(httpApiEvent('GET', '/config.json'), lambdaContext('api'));
    expect(JSON.parse(config.body).signIn).toEqual({
      clientId: 'web-client-1',
      authorizeUrl: `${COGNITO}/oauth2/authorize`,
      tokenUrl: `${COGNITO}/oauth2/token`,
      scopes: ['openid', 'email'],
      issuer: COGNITO_IDP,
      jwksUrl: `${COGNITO_IDP}/.well-known/jwks.json`,
    });
    const local = await handler(
      httpApiEvent('GET', '/local-issuer/authorize'),
      lambdaContext('api'),
    );
    expect(local.statusCode).toBe(404);
  });
});
