import { describe, expect, it } from 'vitest';
import { ContextError, RETIRED_KEYS, readConfig } from '../../infra/config';

const from = (context: Record<string, unknown>) => readConfig((key) => context[key]);

describe('CDK context', () => {
  it('defaults to a Cognito deployment; nothing about the report time, which is data', () => {
    expect(from({})).toEqual({
      prefix: 'apel',
      groupsClaim: 'cognito:groups',
      adminGroup: 'admin',
      logRetentionDays: 30,
      logLevel: 'INFO',
      throttleRate: 100,
      throttleBurst: 200,
      waf: false,
      wafRateLimit: 1000,
    });
  });

  it('reads -c waf=true and a rate limit; refuses anything else for waf', () => {
    expect(from({ waf: 'true', wafRateLimit: '500' })).toMatchObject({
      waf: true,
      wafRateLimit: 500,
    });
    expect(from({ waf: false })).toMatchObject({ waf: false });
    expect(() => from({ waf: 'yes' })).toThrow(/-c waf/);
  });

  it('reads -c strings and cdk.json values alike', () => {
    const c = from({
      throttleRate: '50',
      throttleBurst: 80,
      logRetentionDays: '365',
      corsOrigins: ['https://apel.example.go.id', 'http://localhost:3000'],
      jwtIssuer: 'https://login.example.go.id/realms/asn',
      jwtAudience: 'apel-web, apel-cli',
      jwtJwksUrl: 'https://login.example.go.id/realms/asn/protocol/openid-connect/certs',
    });
    expect(c).toMatchObject({
      throttleRate: 50,
      throttleBurst: 80,
      logRetentionDays: 365,
      jwtAudience: ['apel-web', 'apel-cli'],
    });
  });

  it.each([
    ['prefix', 'Apel', 'lowercase'],
    ['prefix', 'aws-apel', 'must not contain aws'],
    ['logRetentionDays', '31', 'must be one of'],
    ['throttleRate', 'fast', 'whole number'],
    ['throttleBurst', '0', 'at least 1'],
    ['adminEmail', 'bkd at medan', 'email'],
    ['corsOrigins', 'http://localhost:3000/app', 'origin'],
    ['logLevel', 'LOUD', 'Invalid'],
  ])('refuses %s=%j, naming the key', (key, value, why) => {
    const err = (() => {
      try {
        from({ [key]: value });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err).toBeInstanceOf(ContextError);
    expect(err?.message).toContain(`-c ${key}:`);
    expect(err?.message).toContain(why);
  });

  it('names every bad key at once', () => {
    expect(() => from({ prefix: 'Apel', logLevel: 'LOUD' })).toThrow(
      /-c prefix: .*\n\s+-c logLevel: /,
    );
  });

  it('wants the issuer, its audience and its key set together', () => {
    expect(() => from({ jwtIssuer: 'https://login.example.go.id' })).toThrow(
      /jwtIssuer, jwtAudience and jwtJwksUrl go together/,
    );
    expect(() =>
      from({
        jwtIssuer: 'http://login.example.go.id',
        jwtAudience: 'x',
        jwtJwksUrl: 'https://login.example.go.id/jwks',
      }),
    ).toThrow(/-c jwtIssuer: must be an https URL/);
  });
});

describe('retired keys (the report once ran on one schedule fixed at deploy)', () => {
  it.each([
    ['timezone', 'Asia/Jakarta', 'PUT /v1/settings'],
    ['reportAt', '08:30', 'report time is data'],
    ['workdays', '1,2,3,4,5', 'PUT /v1/settings'],
  ])('fails a deploy that still passes -c %s=%s, saying where it lives now', (key, value, now) => {
    expect(() => from({ [key]: value })).toThrow(ContextError);
    expect(() => from({ [key]: value })).toThrow(`-c ${key}: no longer read`);
    expect(() => from({ [key]: value })).toThrow(now);
  });

  it('names every retired key at once, and reads none of them', () => {
    expect(() => from({ reportAt: '09:00', workdays: '1,2,3' })).toThrow(
      /-c reportAt: no longer read.*\n\s+-c workdays: no longer read/,
    );
    expect(Object.keys(from({}))).not.toEqual(expect.arrayContaining(Object.keys(RETIRED_KEYS)));
  });
});
