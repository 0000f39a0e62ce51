import * as v from 'valibot';
import { list, TileUrl } from '../functions/adapters/config';

/** Log retention periods CloudWatch Logs accepts, in days. */
const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;

// `-c key=value` always arrives as a string; cdk.json may hold numbers, booleans or arrays.
const integer = (min: number, max: number) =>
  v.pipe(
    v.union([v.number(), v.pipe(v.string(), v.regex(/^\d+$/, 'must be a whole number'))]),
    v.transform(Number),
    v.integer('must be a whole number'),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
  );

const listOf = <T extends v.GenericSchema<string>>(item: T) =>
  v.pipe(
    v.union([v.array(v.string()), list]),
    v.minLength(1, 'needs at least one value'),
    v.array(item),
  );

const https = v.pipe(
  v.string(),
  v.url('must be a URL'),
  v.startsWith('https://', 'must be an https URL'),
);
const name = v.pipe(v.string(), v.regex(/^[\w:.-]{1,64}$/, 'must be a claim or group name'));

/**
 * The deployment's CDK context (`npx cdk deploy -c key=value`, or `context` in cdk.json).
 * docs/deploy.md documents each key; a bad value stops synth, naming the key.
 */
export const ContextSchema = v.pipe(
  v.object({
    /** Prefix of the stack and resource names; also tells two deployments in one account apart. */
    prefix: v.optional(
      v.pipe(
        v.string(),
        v.regex(/^[a-z][a-z0-9-]{1,19}$/, 'must be 2–20 lowercase letters, digits or hyphens'),
        // Cognito refuses domain prefixes with these words; the prefix becomes one.
        v.check((p) => !/aws|amazon|cognito/.test(p), 'must not contain aws, amazon or cognito'),
      ),
      'apel',
    ),
    /** An existing OpenID Connect issuer to trust instead of creating a Cognito user pool. */
    jwtIssuer: v.optional(https),
    /** Audiences (client ids) accepted from `jwtIssuer`, comma-separated. */
    jwtAudience: v.optional(listOf(v.pipe(v.string(), v.minLength(1)))),
    /** The issuer's JSON Web Key Set URL (its discovery document's `jwks_uri`). */
    jwtJwksUrl: v.optional(https),
    /** Claim holding the employee id (NIP). Default `username` (Cognito access token), else `sub`. */
    employeeClaim: v.optional(name),
    /** Claim holding the user's groups. */
    groupsClaim: v.optional(name, 'cognito:groups'),
    /** Group whose members are admins. */
    adminGroup: v.optional(name, 'admin'),
    /** Email address subscribed to report notices and alarms (confirm the first message). */
    adminEmail: v.optional(v.pipe(v.string(), v.email('must be an email address'))),
    /** Days logs are kept. */
    logRetentionDays: v.optional(
      v.pipe(
        integer(1, 3653),
        v.picklist(RETENTION_DAYS, `must be one of ${RETENTION_DAYS.join(', ')}`),
      ),
      30,
    ),
    /** Log level of the functions. */
    logLevel: v.optional(v.picklist(['DEBUG', 'INFO', 'WARN', 'ERROR']), 'INFO'),
    /** Steady requests per second the API stage accepts before answering 429. */
    throttleRate: v.optional(integer(1, 10_000), 100),
    /** Requests the API stage accepts in a burst. */
    throttleBurst: v.optional(integer(1, 5_000), 200),
    /**
     * An AWS WAF web ACL with a rate limit per IP address in front of sign-in (the user pool):
     * `-c waf=true`. HTTP APIs cannot carry a web ACL; their public routes have limits of their own.
     */
    waf: v.optional(
      v.pipe(
        v.union([v.boolean(), v.picklist(['true', 'false'])]),
        v.transform((b) => b === true || b === 'true'),
      ),
      false,
    ),
    /**
     * Requests one IP address may send to sign-in in five minutes before WAF blocks it. Generous:
     * the employees at a ground often share one address (the office network, one carrier NAT).
     */
    wafRateLimit: v.optional(integer(10, 2_000_000_000), 1000),
    /**
     * Browser origins allowed to call the API from another origin, and to be sent back to after
     * sign-in (e.g. a page under development: `http://localhost:3000`). None by default: the page
     * is served by the API itself, and a deployment trusts no other origin unless told to.
     */
    corsOrigins: v.optional(
      listOf(v.pipe(v.string(), v.regex(/^https?:\/\/[^/\s]+$/, 'must be an origin, no path'))),
    ),
    /**
     * The console map's raster tiles, a URL template with {z}, {x}, {y} (OpenStreetMap's by
     * default): e.g. a tile server of the city's own. The console's CSP allows that host only.
     */
    tileUrl: v.optional(TileUrl),
    /** The credit the tiles' licence asks for (HTML); OpenStreetMap's with the default URL. */
    tileAttribution: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(500))),
    /** Prefix of the Cognito managed-login domain; globally unique per region. */
    authDomainPrefix: v.optional(
      v.pipe(
        v.string(),
        v.regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'must be lowercase letters, digits, -'),
        v.check((p) => !/aws|amazon|cognito/.test(p), 'must not contain aws, amazon or cognito'),
      ),
    ),
  }),
  v.check(
    (c) =>
      [c.jwtIssuer, c.jwtAudience, c.jwtJwksUrl].every((x) => x === undefined) ||
      [c.jwtIssuer, c.jwtAudience, c.jwtJwksUrl].every((x) => x !== undefined),
    'jwtIssuer, jwtAudience and jwtJwksUrl go together: give all three, or none for Cognito',
  ),
);

export type ApelConfig = v.InferOutput<typeof ContextSchema>;

/** The context keys this app reads; anything else in the context is CDK's own. */
export const CONTEXT_KEYS = Object.keys(ContextSchema.entries) as (keyof ApelConfig)[];

/**
 * Keys an earlier version read and this one does not: the report ran on one schedule fixed at
 * deploy. Now a tick every five minutes publishes each roll call at its own report time, which is
 * data (the settings, the roll calls); a deploy that still passes one fails, saying so, rather
 * than ignore a value its operator expects to mean something.
 */
export const RETIRED_KEYS = {
  timezone: 'the time zone is the settings’ `timezone` (PUT /v1/settings)',
  reportAt:
    'each roll call’s report time is data: `reportAt` in the settings (pagi) and in each roll call',
  workdays: 'the workdays are the settings’ `workdays` (PUT /v1/settings)',
} as const;

export class ContextError extends Error {
  override name = 'ContextError';
}

/** Read and validate the deployment's context; the error names every key that is wrong. */
export function readConfig(get: (key: string) => unknown): ApelConfig {
  const retired = Object.entries(RETIRED_KEYS)
    .filter(([k]) => get(k) !== undefined)
    .map(([k, now]) => `-c ${k}: no longer read; ${now}. Remove it from the command or cdk.json`);
  if (retired.length > 0) {
    throw new ContextError(`retired CDK context:\n  ${retired.join('\n  ')}`);
  }
  const raw = Object.fromEntries(
    CONTEXT_KEYS.map((k) => [k, get(k)]).filter(([, value]) => value !== undefined),
  );
  const r = v.safeParse(ContextSchema, raw);
  if (r.success) return r.output;
  const lines = r.issues.map((i) => {
    const key = i.path?.map((p) => String(p.key)).find((k) => !/^\d+$/.test(k));
    return key ? `-c ${key}: ${i.message} (got ${JSON.stringify(raw[key])})` : i.message;
  });
  throw new ContextError(`invalid CDK context:\n  ${lines.join('\n  ')}`);
}
