import { describe, expect, it } from 'vitest';
import { ContextError, readConfig } from '../../infra/config';
import { cronDays, reportCron } from '../../infra/cron';

const from = (context: Record<string, unknown>) => readConfig((key) => context[key]);

describe('CDK context', () => {
  it('defaults to a Cognito deployment in WIB reporting at 08:30 on weekdays', () => {
    expect(from({})).toEqual({
      prefix: 'apel',
      timezone: 'Asia/Jakarta',
      reportAt: '08:30',
      workdays: [1, 2, 3, 4, 5],
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
      timezone: 'Asia/Jayapura',
      workdays: '6, 1,2,3,4,5,1',
      throttleRate: '50',
      throttleBurst: 80,
      logRetentionDays: '365',
      corsOrigins: ['https://apel.example.go.id', 'http://localhost:3000'],
      jwtIssuer: 'https://login.example.go.id/realms/asn',
      jwtAudience: 'apel-web, apel-cli',
      jwtJwksUrl: 'https://login.example.go.id/realms/asn/protocol/openid-connect/certs',
    });
    expect(c).toMatchObject({
      timezone: 'Asia/Jayapura',
      workdays: [1, 2, 3, 4, 5, 6],
      throttleRate: 50,
      throttleBurst: 80,
      logRetentionDays: 365,
      jwtAudience: ['apel-web', 'apel-cli'],
    });
  });

  it.each([
    ['timezone', 'Asia/Jakart', 'IANA time zone'],
    ['reportAt', '8:30', 'HH:MM'],
    ['reportAt', '24:00', 'HH:MM'],
    ['workdays', '1,2,8', 'ISO weekdays'],
    ['workdays', '', 'at least one'],
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
    expect(() => from({ timezone: 'Mars/Olympus', reportAt: 'noon' })).toThrow(
      /-c timezone: .*\n\s+-c reportAt: /,
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

describe('report schedule expression', () => {
  it('is a cron at the local minute on the workdays', () => {
    expect(reportCron('08:30', [1, 2, 3, 4, 5])).toBe('cron(30 8 ? * MON-FRI *)');
    expect(reportCron('07:05', [1, 2, 3, 4, 5, 6])).toBe('cron(5 7 ? * MON-SAT *)');
    expect(reportCron('00:00', [7])).toBe('cron(0 0 ? * SUN *)');
  });

  it('lists short runs and never wraps a range past Saturday', () => {
    expect(cronDays([1, 3, 5])).toBe('MON,WED,FRI');
    expect(cronDays([2, 1])).toBe('MON,TUE');
    expect(cronDays([5, 6, 7])).toBe('FRI,SAT,SUN');
    expect(cronDays([1, 2, 3, 4, 5, 6, 7])).toBe('MON-SAT,SUN');
  });

  it('refuses what is not a weekday or a time', () => {
    expect(() => cronDays([])).toThrow(RangeError);
    expect(() => cronDays([0])).toThrow(RangeError);
    expect(() => reportCron('8:30', [1])).toThrow(RangeError);
  });
});
