import { beforeAll, describe, expect, it } from 'vitest';
import { dependencyCycle, findings, synthApel } from './synth';

const ISSUER = 'https://login.example.go.id/realms/asn';
const JWKS = `${ISSUER}/protocol/openid-connect/certs`;

// One synth, without bundling (the default-stack test bundles): a deployment that
// trusts an existing OIDC issuer and tells an admin by email.
let s: ReturnType<typeof synthApel>;
beforeAll(() => {
  s = synthApel(
    {
      prefix: 'apel-bkd',
      jwtIssuer: ISSUER,
      jwtAudience: 'apel-web,apel-cli',
      jwtJwksUrl: JWKS,
      groupsClaim: 'roles',
      adminGroup: 'bkd-admin',
      adminEmail: 'bkd@example.go.id',
      logRetentionDays: '90',
      throttleRate: '40',
      throttleBurst: '80',
      corsOrigins: 'https://apel.example.go.id',
    },
    false,
  );
});

const propsOf = (type: string) =>
  Object.values(s.template.findResources(type)).map((r) => r.Properties);

describe('stack with an existing OIDC issuer', () => {
  it('lets the origins it was given, and only those, call the API from a browser', () => {
    const [api] = propsOf('AWS::ApiGatewayV2::Api');
    expect(api?.CorsConfiguration.AllowOrigins).toEqual(['https://apel.example.go.id']);
  });

  it('is named by the prefix and nag-clean without a user pool', () => {
    expect(s.stack.stackName).toBe('apel-bkd');
    expect(findings(s.nag)).toEqual([]);
    expect(dependencyCycle(s.template)).toBeNull();
    for (const type of ['UserPool', 'UserPoolClient', 'UserPoolDomain', 'UserPoolGroup']) {
      s.template.resourceCountIs(`AWS::Cognito::${type}`, 0);
    }
  });

  it('trusts the issuer and audiences from the context, in the gateway and in the app', () => {
    expect(propsOf('AWS::ApiGatewayV2::Authorizer')[0]?.JwtConfiguration).toEqual({
      Issuer: ISSUER,
      Audience: ['apel-web', 'apel-cli'],
    });
    const api = propsOf('AWS::Lambda::Function').find((f) => f.Environment.Variables.JWT_ISSUER);
    expect(api?.Environment.Variables).toMatchObject({
      JWT_ISSUER: ISSUER,
      JWT_AUDIENCE: 'apel-web,apel-cli',
      JWT_JWKS_URL: JWKS,
      EMPLOYEE_CLAIM: 'sub',
      GROUPS_CLAIM: 'roles',
      ADMIN_GROUP: 'bkd-admin',
    });
    // No managed login to send the page to: it says that sign-in is not set up.
    expect(api?.Environment.Variables.WEB_CLIENT_ID).toBeUndefined();
  });

  it('ticks every 5 minutes like any deployment: its report times are data, not context', () => {
    expect(propsOf('AWS::Scheduler::Schedule')).toEqual([
      expect.objectContaining({ ScheduleExpression: 'rate(5 minutes)' }),
    ]);
  });

  it('subscribes the admin email, keeps logs 90 days and throttles as asked', () => {
    expect(propsOf('AWS::SNS::Subscription')).toEqual([
      expect.objectContaining({ Protocol: 'email', Endpoint: 'bkd@example.go.id' }),
    ]);
    for (const g of propsOf('AWS::Logs::LogGroup')) expect(g.RetentionInDays).toBe(90);
    expect(propsOf('AWS::ApiGatewayV2::Stage')[0]?.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: 40,
      ThrottlingBurstLimit: 80,
    });
  });
});

describe('a bad context value', () => {
  it('stops synth, naming the key', () => {
    expect(() => synthApel({ logRetentionDays: '31' }, false)).toThrow(
      /-c logRetentionDays: must be one of/,
    );
  });

  it('stops synth on a key this version no longer reads (the old fixed report schedule)', () => {
    expect(() => synthApel({ reportAt: '09:05' }, false)).toThrow(
      /-c reportAt: no longer read; each roll call’s report time is data/,
    );
  });
});
