import { type DescribeRouteOptions, describeRoute, resolver } from 'hono-openapi';
import * as v from 'valibot';
import type { ErrorCode } from '../core/errors';
import { STATUS } from './errors';

/** A JSON response entry for describeRoute. */
export function jsonResponse(description: string, schema: v.GenericSchema) {
  return { description, content: { 'application/json': { schema: resolver(schema) } } };
}

/** What each code means, in the document (its readers are developers: English). */
export const ERROR_DOCS = {
  VALIDATION_FAILED: 'the input does not match its schema; `details.issues` name each field',
  INVALID_GEOMETRY: 'the ground is not a valid Polygon or MultiPolygon; `details.problem` says why',
  INVALID_GRANT: 'the sign-in code, verifier or redirect does not match',
  BAD_REQUEST: 'the request cannot be read',
  UNAUTHORIZED: 'no valid bearer token',
  FORBIDDEN: 'the token lacks the role this needs',
  HOST_NOT_ALLOWED:
    'the local token issuer was reached under a host that is not loopback (local server only)',
  NOT_ON_ROSTER: 'the employee is not on the active roster',
  NOT_FOUND: 'no such record',
  PAYLOAD_TOO_LARGE: 'the body is larger than this route reads; `details.maxBytes`',
  NO_GROUND_ASSIGNED: 'the employee has no apel ground',
  MOCK_LOCATION: 'the device marked the fix as a mock location',
  CLOCK_SKEW: 'the device time is too far from the server time',
  NOT_A_WORKDAY: 'no apel today (weekend or holiday)',
  WINDOW_NOT_OPEN: 'check-in has not opened yet',
  WINDOW_CLOSED: 'check-in has closed',
  NO_ROLL_CALL_OPEN:
    'no roll call of the employee is open now, or the one named is not theirs today; `details.rollCalls` lists today’s',
  ACCURACY_TOO_LOW: 'the GPS accuracy is worse than the limit',
  OUTSIDE_GEOFENCE: 'the fix is outside every ground of the employee; `details.distanceM`',
  REPORT_TOO_EARLY: 'the day cannot be published before check-in closes',
  APPEAL_CLOSED:
    'the appeal window (from `closesAt` until `appealDays` workdays later) is not open; `details.appealClosesAt`',
  ALREADY_CHECKED_IN:
    'a check-in stands for that employee, date and roll call; a mark never replaces one; `details.checkedInAt`',
  MONTH_LOCKED:
    'the month is locked for the allowance office; an admin unlocks it; `details.lockedAt`',
  BEFORE_DEPLOYMENT:
    "the date is before the deployment's first day: there is no report; `details.firstDay`",
  CODE_REQUIRED: "the ground requires its kiosk's code (`groundCode`); `details.siteId`",
  CODE_INVALID:
    'the ground code is wrong, stale, already used or another ground’s; `details.reason`',
  DEVICE_NOT_BOUND:
    'the deployment requires a registered phone (passkey) and none proved it; `details.reason`',
  ASSERTION_INVALID:
    'the passkey assertion does not verify (another or a spent challenge, a bad signature); `details.reason`',
  PASSKEY_INVALID: 'the passkey registration does not verify; `details.reason`',
  RATE_LIMITED: 'too many attempts; retry after `Retry-After` seconds',
  STORE_UNAVAILABLE: 'the data store is unavailable; retry after `Retry-After` seconds',
  AUTH_UNAVAILABLE: 'the token issuer cannot be reached; retry after `Retry-After` seconds',
  INTERNAL_ERROR: 'a fault on the server; `details.requestId` names it in the log',
} as const satisfies Record<ErrorCode, string>;

/** The error body whose code is one of `codes`. */
export function errorBody(codes: readonly [ErrorCode, ...ErrorCode[]]) {
  return v.object({
    error: v.object({
      code: v.picklist(codes),
      message: v.pipe(v.string(), v.description('for people: Indonesian, or English on request')),
      details: v.record(v.string(), v.unknown()),
    }),
  });
}

const retryAfter = {
  'Retry-After': {
    description: 'seconds to wait before trying again',
    schema: { type: 'string', pattern: '^\\d+$' },
  },
} as const;

/**
 * The error answers a route can give, one entry per status: its description names each code
 * and its body's `code` may only be one of them. Every route can fail on the server (500).
 */
export function errorResponses(codes: readonly ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set<ErrorCode>([...codes, 'INTERNAL_ERROR'])) {
    const status = STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, list]) => [
        String(status),
        {
          description: list.map((c) => `${c}: ${ERROR_DOCS[c]}`).join('; '),
          ...(status === 429 || status === 503 ? { headers: retryAfter } : {}),
          content: {
            'application/json': {
              schema: resolver(errorBody(list as [ErrorCode, ...ErrorCode[]])),
            },
          },
        },
      ]),
  );
}

export const bearer = [{ bearerAuth: [] }];
/** For routes anyone may call. */
export const open: DescribeRouteOptions['security'] = [];

/** What every signed-in route can answer before it runs: no token, or keys out of reach. */
export const SIGNED_IN: readonly ErrorCode[] = ['UNAUTHORIZED', 'AUTH_UNAVAILABLE'];
/** What every admin route can answer before it runs, and from the store it reads. */
export const ADMIN: readonly ErrorCode[] = [...SIGNED_IN, 'FORBIDDEN', 'STORE_UNAVAILABLE'];

/**
 * describeRoute for an admin route: a tag, a summary, the JSON success answers by status
 * (description and schema), and the errors of the route itself (the admin gate's are added).
 */
export function adminRoute(
  tag: string,
  summary: string,
  ok: Readonly<Record<number, readonly [description: string, schema: v.GenericSchema]>>,
  errors: readonly ErrorCode[],
  extra: Omit<DescribeRouteOptions, 'tags' | 'summary' | 'security' | 'responses'> = {},
) {
  const success = Object.entries(ok).map(([status, [text, schema]]) => [
    status,
    jsonResponse(text, schema),
  ]);
  return describeRoute({
    tags: [tag],
    summary,
    security: bearer,
    responses: { ...Object.fromEntries(success), ...errorResponses([...ADMIN, ...errors]) },
    ...extra,
  });
}

/** GET /v1/health: liveness, no store, no token. */
export const healthRoute = describeRoute({
  tags: ['service'],
  summary: 'Liveness: the app answers (it reads no store)',
  security: open,
  responses: {
    200: jsonResponse(
      'alive',
      v.object({ status: v.literal('ok'), version: v.string(), time: v.string() }),
    ),
    ...errorResponses([]),
  },
});

/** GET /v1/openapi.json: this document. */
export const openApiRoute = describeRoute({
  tags: ['service'],
  summary: 'This document: OpenAPI 3.1, generated from the schemas the routes validate with',
  security: open,
  responses: {
    200: {
      description: 'the OpenAPI document',
      content: { 'application/json': { schema: { type: 'object' } } },
    },
    ...errorResponses([]),
  },
});

/** The document's head: who, what, under which license, how to authenticate. */
export function documentation(version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'apel API',
      version,
      description:
        'Absen apel berbasis geofence. Geofenced roll-call (apel) check-in for civil servants.\n\n' +
        'Every error answers `{"error": {"code", "message", "details"}}`; `message` is in ' +
        'Indonesian, or English with `Accept-Language: en` or `?lang=en`.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    // Relative: the document is served by the API it describes, wherever it is deployed.
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http' as const, scheme: 'bearer', bearerFormat: 'JWT' },
      },
    },
  };
}
