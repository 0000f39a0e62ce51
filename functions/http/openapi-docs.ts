import { type DescribeRouteOptions, describeRoute, resolver } from 'hono-openapi';
import type { GenericSchema } from 'valibot';
import { ErrorBody } from './schemas';

/** A JSON response entry for describeRoute. */
export function jsonResponse(description: string, schema: GenericSchema) {
  return { description, content: { 'application/json': { schema: resolver(schema) } } };
}

/** The error responses a route can give, all with the same body. */
export function errorResponses(...statuses: number[]) {
  const text: Record<number, string> = {
    400: 'VALIDATION_FAILED or INVALID_GEOMETRY',
    401: 'UNAUTHORIZED: missing or invalid token',
    403: 'FORBIDDEN, or NOT_ON_ROSTER',
    404: 'NOT_FOUND',
    413: 'PAYLOAD_TOO_LARGE',
    422: 'a rule refused it: OUTSIDE_GEOFENCE, ACCURACY_TOO_LOW, CLOCK_SKEW, MOCK_LOCATION, …',
    503: 'STORE_UNAVAILABLE: retry after the Retry-After seconds',
  };
  return Object.fromEntries(
    statuses.map((s) => [String(s), jsonResponse(text[s] ?? 'error', ErrorBody)]),
  );
}

export const bearer = [{ bearerAuth: [] }];

/** describeRoute for an admin route: a tag, a summary, the success response and the errors. */
export function adminRoute(
  tag: string,
  summary: string,
  ok: number,
  schema: GenericSchema,
  errors: number[],
  extra: Omit<DescribeRouteOptions, 'tags' | 'summary' | 'security' | 'responses'> = {},
) {
  return describeRoute({
    tags: [tag],
    summary,
    security: bearer,
    responses: { [ok]: jsonResponse('ok', schema), ...errorResponses(...errors) },
    ...extra,
  });
}
