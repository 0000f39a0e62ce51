import type fc from 'fast-check';
import { expect } from 'vitest';
import type { Answer } from '../answer';

/**
 * Runs per property: 100 in `npm test`, which keeps the fuzz suites to about ten seconds on two
 * cores; `npm run fuzz` is the full run (FUZZ_RUNS=10000). FUZZ_SEED replays a failure that
 * fast-check reported (with its seed).
 */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const FUZZ_SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
if (!Number.isInteger(FUZZ_RUNS) || FUZZ_RUNS < 1) throw new Error('FUZZ_RUNS: a whole number ≥ 1');

export function fuzzParams<T>(): fc.Parameters<T> {
  return { numRuns: FUZZ_RUNS, ...(FUZZ_SEED === undefined ? {} : { seed: FUZZ_SEED }) };
}

/**
 * A per-test timeout that grows with FUZZ_RUNS. A run takes a few ms, but state piles up over a
 * full run: after 10,000 imports the roster runs to thousands and every report grows with it.
 */
export const fuzzTimeout = (perRunMs = 100) => Math.max(30_000, FUZZ_RUNS * perRunMs);

/**
 * Every error code the API may answer with, and its status: docs/api.md "Errors" is the contract.
 * INVALID_GRANT comes only from the local issuer's token endpoint (as OAuth's invalid_grant).
 */
export const ERROR_STATUS: Readonly<Record<string, number>> = {
  VALIDATION_FAILED: 400,
  INVALID_GEOMETRY: 400,
  INVALID_GRANT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  HOST_NOT_ALLOWED: 403,
  NOT_ON_ROSTER: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  MOCK_LOCATION: 422,
  CLOCK_SKEW: 422,
  NOT_A_WORKDAY: 422,
  WINDOW_NOT_OPEN: 422,
  WINDOW_CLOSED: 422,
  NO_ROLL_CALL_OPEN: 422,
  ACCURACY_TOO_LOW: 422,
  OUTSIDE_GEOFENCE: 422,
  NO_GROUND_ASSIGNED: 422,
  REPORT_TOO_EARLY: 422,
  APPEAL_CLOSED: 422,
  ALREADY_CHECKED_IN: 409,
  MONTH_LOCKED: 409,
  APPEAL_DECIDED: 409,
  NOT_ABSENT: 409,
  MONTH_IN_FUTURE: 422,
  MONTH_NOT_OVER: 422,
  BEFORE_DEPLOYMENT: 422,
  CODE_REQUIRED: 422,
  CODE_INVALID: 422,
  DEVICE_NOT_BOUND: 422,
  ASSERTION_INVALID: 422,
  PASSKEY_INVALID: 422,
  STORE_UNAVAILABLE: 503,
  AUTH_UNAVAILABLE: 503,
};

/**
 * The error contract: JSON, exactly {error: {code, message, details}}, a code from the known set
 * whose status is the one answered, a message for people, details an object, no stack trace.
 */
export function expectErrorBody(a: Answer): void {
  expect(a.headers.get('content-type') ?? '').toMatch(/^application\/json/);
  expect(a.json, a.text.slice(0, 300)).toBeTypeOf('object');
  expect(Object.keys(a.json)).toEqual(['error']);
  const { error } = a.json;
  expect(Object.keys(error).sort()).toEqual(['code', 'details', 'message']);
  expect(error.code).toMatch(/^[A-Z][A-Z_]*[A-Z]$/);
  expect(ERROR_STATUS, `unknown code ${error.code}`).toHaveProperty(error.code);
  expect(a.status, `${error.code} answered with ${a.status}`).toBe(ERROR_STATUS[error.code]);
  expect(error.message).toBeTypeOf('string');
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.details).toBeTypeOf('object');
  expect(Array.isArray(error.details)).toBe(false);
  expect(error.details).not.toBeNull();
  expect(a.text).not.toMatch(/\n\s+at .+:\d+:\d+/);
  if (a.status === 503) expect(Number(a.headers.get('retry-after'))).toBeGreaterThan(0);
}

/** Never a 5xx: an error in the contract, or a success the caller checks. */
export function expectNo5xx(a: Answer, success: (a: Answer) => void): void {
  expect(a.status, a.text.slice(0, 500)).toBeLessThan(500);
  if (a.status >= 400) expectErrorBody(a);
  else success(a);
}
