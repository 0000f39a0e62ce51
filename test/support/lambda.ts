import type { ApiGatewayRequestContextV2, LambdaContext, LambdaEvent } from 'hono/aws-lambda';
import { DEFAULT_SETTINGS, type Settings } from '../../functions/core/settings';

/** The payload 2.0 member of hono's LambdaEvent union. */
export type HttpApiEvent = Extract<LambdaEvent, { requestContext: ApiGatewayRequestContextV2 }>;

/** An API Gateway HTTP API (payload format 2.0) event as the service sends it to Lambda. */
export function httpApiEvent(
  method: string,
  path: string,
  opts: { body?: unknown; token?: string; query?: string; headers?: Record<string, string> } = {},
): HttpApiEvent {
  const now = new Date();
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const event: HttpApiEvent = {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: opts.query ?? '',
    cookies: [],
    headers: {
      accept: 'application/json',
      'content-length': String(body?.length ?? 0),
      host: 'abc123.execute-api.ap-southeast-3.amazonaws.com',
      'user-agent': 'Mozilla/5.0 (Linux; Android 14)',
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...opts.headers,
    },
    ...(opts.query
      ? { queryStringParameters: Object.fromEntries(new URLSearchParams(opts.query)) }
      : {}),
    requestContext: {
      accountId: '123456789012',
      authentication: null,
      // The HTTP API's JWT authorizer passes the verified claims on; the app verifies again.
      authorizer: opts.token ? { jwt: { claims: claimsOf(opts.token), scopes: null } } : {},
      apiId: 'abc123',
      domainName: 'abc123.execute-api.ap-southeast-3.amazonaws.com',
      domainPrefix: 'abc123',
      http: {
        method,
        path,
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.7',
        userAgent: 'Mozilla/5.0 (Linux; Android 14)',
      },
      requestId: `req-${now.getTime()}`,
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: body ?? null,
    isBase64Encoded: false,
  };
  return event;
}

export function lambdaContext(functionName: string): LambdaContext {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:ap-southeast-3:123456789012:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: crypto.randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2026/11/27/[$LATEST]abc',
    getRemainingTimeInMillis: () => 10_000,
  };
}

/** Settings whose window (06:00–18:00, every day, on time until 17:00) is open now, by the real clock. */
export function settingsOpenNow(): Settings {
  return {
    ...DEFAULT_SETTINGS,
    timezone: zoneAtNoon(),
    opensAt: '06:00',
    startsAt: '17:00',
    closesAt: '18:00',
    reportAt: '19:00',
    workdays: [1, 2, 3, 4, 5, 6, 7],
  };
}

/** An IANA zone in which it is now around noon, so that real-clock tests sit inside the window. */
export function zoneAtNoon(now = new Date()): string {
  const offset = 12 - now.getUTCHours();
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

function claimsOf(token: string): Record<string, string | number | boolean | string[]> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

/**
 * What EventBridge Scheduler sends a target: its input (the stack's SCHEDULE_INPUT) with the
 * context attributes filled in, as the service does at each invocation.
 */
export function schedulerEvent<T>(input: T, scheduledTime: string, attempt = 1): T {
  const filled = JSON.stringify(input)
    .replace('<aws.scheduler.scheduled-time>', scheduledTime)
    .replace('<aws.scheduler.execution-id>', crypto.randomUUID())
    .replace('<aws.scheduler.attempt-number>', String(attempt));
  return JSON.parse(filled);
}
