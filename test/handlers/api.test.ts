import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetPath } from '../../functions/http/pages/assets';
import { DEMO_POINT, DEMO_SITE, demoRoster } from '../../functions/local/demo';
import { startDynalite } from '../../functions/local/dynalite';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, localIssuer } from '../../functions/local/issuer';
import { freshStore } from '../support/dynamo';
import { httpApiEvent, lambdaContext, settingsOpenNow } from '../support/lambda';
import { emfDuring } from './emf';

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
    POWERTOOLS_METRICS_NAMESPACE: 'apel-test',
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

describe('api handler: metrics (EMF on stdout, flushed once per invocation)', () => {
  const fix = (o: Partial<{ lat: number; lon: number }> = {}) => ({
    lat: DEMO_POINT.lat,
    lon: DEMO_POINT.lon,
    accuracy: 6,
    capturedAt: new Date().toISOString(),
    ...o,
  });
  const checkin = async (employeeId: string, body: unknown) => {
    const token = await issuer.sign({ employeeId });
    return emfDuring(() =>
      handler(httpApiEvent('POST', '/v1/checkins', { body, token }), lambdaContext('api')),
    );
  };

  it('counts an accepted check-in by outcome and status, under its dimensions and in the total', async () => {
    const { result, emf } = await checkin('demo-003', fix());
    expect(result.statusCode).toBe(201);
    expect(emf).toHaveLength(1);
    const [line] = emf;
    expect(line?._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: 'apel-test',
        Dimensions: [['service', 'Outcome', 'Code'], ['service']],
        Metrics: [{ Name: 'CheckIns', Unit: 'Count' }],
      },
    ]);
    expect(line).toMatchObject({
      service: 'api',
      Outcome: 'accepted',
      Code: 'on_time',
      CheckIns: 1,
    });
  });

  it('counts a repeat as duplicate and a refusal with its error code', async () => {
    const again = await checkin('demo-003', fix());
    expect(again.result.statusCode).toBe(200);
    expect(again.emf).toEqual([expect.objectContaining({ Outcome: 'duplicate', Code: 'on_time' })]);
    // About 1 km north of the ground.
    const far = await checkin('demo-004', fix({ lat: DEMO_POINT.lat + 0.01 }));
    expect(far.result.statusCode).toBe(422);
    expect(far.emf).toEqual([
      expect.objectContaining({
        service: 'api',
        Outcome: 'refused',
        Code: 'OUTSIDE_GEOFENCE',
        CheckIns: 1,
      }),
    ]);
    const stranger = await checkin('nobody-999', fix());
    expect(stranger.result.statusCode).toBe(403);
    expect(stranger.emf).toEqual([
      expect.objectContaining({ Outcome: 'refused', Code: 'NOT_ON_ROSTER' }),
    ]);
  });

  it('writes no metric line for a request that counts nothing', async () => {
    const { emf } = await emfDuring(() =>
      handler(httpApiEvent('GET', '/v1/health'), lambdaContext('api')),
    );
    expect(emf).toEqual([]);
  });
});

describe('api handler: paths the gateway and the app would read differently', () => {
  it('refuses /assets/%2e%2e/v1/settings instead of answering settings past the gateway', async () => {
    const token = await issuer.sign({ employeeId: 'demo-001', admin: true });
    // The same token reaches settings by the straight path: the refusal is the path's, not the token's.
    const straight = await handler(
      httpApiEvent('GET', '/v1/settings', { token }),
      lambdaContext('api'),
    );
    expect(straight.statusCode).toBe(200);
    for (const path of [
      '/assets/%2e%2e/v1/settings',
      '/assets/%2E%2E/v1/settings',
      '/assets/.%2e/v1/settings',
      '/wall/%2e%2e/v1/settings',
      '/assets/..%2fv1%2fsettings',
      '/assets/%5c..%5cv1/settings',
      '/assets//v1/settings',
      '/assets/%e0%a4%a',
    ]) {
      const r = await handler(httpApiEvent('GET', path, { token }), lambdaContext('api'));
      expect(r.statusCode, path).toBe(400);
      expect(JSON.parse(r.body).error.code, path).toBe('VALIDATION_FAILED');
      expect(r.body).not.toContain('timezone');
    }
  });

  it('still serves the page assets, the wall and encoded characters that change no route', async () => {
    const asset = await handler(httpApiEvent('GET', assetPath('checkin.js')), lambdaContext('api'));
    expect(asset.statusCode).toBe(200);
    const missing = await handler(
      httpApiEvent('GET', '/assets/caf%C3%A9.js'),
      lambdaContext('api'),
    );
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body).error.code).toBe('NOT_FOUND');
  });
});

describe('api handler: public answers a CDN or browser may keep', () => {
  it('lets /config.json be cached a minute (the wall: test/http/admin.test.ts)', async () => {
    const config = await handler(httpApiEvent('GET', '/config.json'), lambdaContext('api'));
    expect(config.statusCode).toBe(200);
    expect(config.headers?.['cache-control']).toBe('public, max-age=60');
  });
});
