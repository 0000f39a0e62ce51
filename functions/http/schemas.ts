import * as v from 'valibot';
import { IsoDate } from '../core/fields';
import { RollCallId } from '../core/rollcalls';
import { AssertionBody, GroundCodeBody } from './presence-schemas';

const finite = v.pipe(v.number(), v.finite());

export const CheckinBody = v.object({
  lat: v.pipe(finite, v.minValue(-90), v.maxValue(90), v.description('latitude, WGS 84 degrees')),
  lon: v.pipe(
    finite,
    v.minValue(-180),
    v.maxValue(180),
    v.description('longitude, WGS 84 degrees'),
  ),
  accuracy: v.pipe(
    finite,
    v.gtValue(0),
    v.maxValue(100_000),
    v.description('horizontal accuracy in metres (68% radius), as the phone reports it'),
  ),
  capturedAt: v.pipe(
    v.string(),
    v.maxLength(40),
    v.isoTimestamp('expected an ISO 8601 timestamp with a time zone, e.g. 2026-11-27T00:12:00Z'),
    // The ISO pattern allows forms Date cannot read ("+07" with no minutes): the clock rule needs a time.
    v.check(
      (t) => Number.isFinite(Date.parse(t)),
      'expected a timestamp such as 2026-11-27T07:12:00+07:00 (offsets as ±HH:MM)',
    ),
    v.description('when the device took the fix'),
  ),
  mock: v.optional(v.boolean()),
  deviceId: v.optional(
    v.pipe(v.string(), v.minLength(1), v.maxLength(128), v.regex(/^[\x21-\x7e]+$/u)),
  ),
  rollCallId: v.optional(
    v.pipe(
      RollCallId,
      v.description('the roll call to check in to; without it, the one open now for the caller'),
    ),
  ),
  // Proof of presence (docs/presence.md).
  groundCode: v.optional(GroundCodeBody),
  assertion: v.optional(AssertionBody),
});

export { IsoDate };

export const DateQuery = v.object({ date: v.optional(IsoDate) });

export const CheckinSchema = v.object({
  employeeId: v.string(),
  date: v.string(),
  rollCallId: v.pipe(v.string(), v.description('the roll call (`pagi` for the morning apel)')),
  status: v.picklist(['on_time', 'late']),
  siteId: v.string(),
  distanceToEdgeM: v.number(),
  accuracyM: v.number(),
  flags: v.array(v.string()),
  capturedAt: v.string(),
  receivedAt: v.string(),
});

export const CheckinResponse = v.object({ checkin: CheckinSchema, duplicate: v.boolean() });

export const AttemptSchema = v.object({
  rollCallId: v.optional(v.string()),
  receivedAt: v.string(),
  capturedAt: v.string(),
  lat: v.number(),
  lon: v.number(),
  accuracyM: v.number(),
  mock: v.boolean(),
  deviceId: v.optional(v.string()),
  outcome: v.string(),
  siteId: v.optional(v.string()),
  distanceToEdgeM: v.optional(v.number()),
});

export const EmployeeDayResponse = v.object({
  employeeId: v.string(),
  date: v.string(),
  checkin: v.pipe(v.nullable(CheckinSchema), v.description('the `pagi` check-in')),
  checkins: v.pipe(v.array(CheckinSchema), v.description("every roll call's check-in that day")),
  attempts: v.array(AttemptSchema),
});

export const ErrorBody = v.object({
  error: v.object({
    code: v.pipe(v.string(), v.regex(/^[A-Z][A-Z_]*$/)),
    message: v.string(),
    details: v.record(v.string(), v.unknown()),
  }),
});

export const SignInConfigSchema = v.object({
  authorizeUrl: v.pipe(
    v.string(),
    v.description('OIDC authorization endpoint (absolute or relative)'),
  ),
  tokenUrl: v.pipe(v.string(), v.description('OIDC token endpoint (absolute or relative)')),
  issuer: v.pipe(
    v.string(),
    v.description("the issuer identifier: the ID token's `iss` must equal it"),
  ),
  jwksUrl: v.pipe(
    v.string(),
    v.description(
      "the issuer's JWKS (absolute or relative): the ID token's signature is checked against it",
    ),
  ),
  clientId: v.string(),
  scopes: v.array(v.string()),
  redirectUri: v.optional(
    v.pipe(v.string(), v.description('registered redirect URI; the page URL when absent')),
  ),
  logoutUrl: v.optional(v.pipe(v.string(), v.description('Cognito /logout endpoint'))),
});

export const PageConfigResponse = v.object({
  signIn: v.nullable(SignInConfigSchema),
  rules: v.object({
    timezone: v.string(),
    opensAt: v.string(),
    startsAt: v.string(),
    closesAt: v.string(),
    maxAccuracyM: v.pipe(
      v.number(),
      v.description('the page refuses a worse fix before sending it'),
    ),
    maxClockSkewS: v.number(),
  }),
  map: v.object({
    tileUrl: v.pipe(
      v.string(),
      v.description('raster tile URL template ({z}/{x}/{y}, {s} for subdomains)'),
    ),
    attribution: v.pipe(v.string(), v.description('HTML credit the tiles’ licence asks for')),
  }),
});

export type SignInConfig = v.InferOutput<typeof SignInConfigSchema>;
export type PageConfig = v.InferOutput<typeof PageConfigResponse>;
export type CheckinResult = v.InferOutput<typeof CheckinResponse>;
export type CheckinBodyInput = v.InferInput<typeof CheckinBody>;
export type ErrorPayload = v.InferOutput<typeof ErrorBody>['error'];
