import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { ValidationTargets } from 'hono';
import { validator } from 'hono-openapi';
import { type Issue, ValidationFailed } from '../core/errors';
import { type SchemaIssue, wordIssue } from './validation-messages';

function pathOf(issue: StandardSchemaV1.Issue): string {
  return (issue.path ?? [])
    .map((p) => (typeof p === 'object' && p !== null ? String(p.key) : String(p)))
    .join('.');
}

/** Every schema a route validates with, so that a test can check each message is worded. */
export const validatedSchemas = new Set<StandardSchemaV1>();

/**
 * hono-openapi's validator (so the schema lands in the OpenAPI document) with our error shape:
 * every failing field is named in details.issues, in both languages (the error handler answers
 * in the reader's).
 */
export function valid<S extends StandardSchemaV1, T extends keyof ValidationTargets>(
  target: T,
  schema: S,
) {
  validatedSchemas.add(schema);
  return validator(target, schema, (result, c) => {
    if (result.success) return;
    const issues: Issue[] = result.error.slice(0, 20).map((i) => ({
      path: pathOf(i),
      // hono's standard validator hands over valibot's own issues, parts and all.
      message: wordIssue(i as StandardSchemaV1.Issue & SchemaIssue),
    }));
    const type = c.req.header('content-type') ?? '';
    if (target === 'json' && !/^application\/([\w.-]+\+)?json\b/i.test(type)) {
      throw new ValidationFailed('the body must be JSON (Content-Type: application/json)', [
        {
          path: '',
          message: {
            id: 'isi permintaan harus JSON (Content-Type: application/json)',
            en: 'the body must be JSON (Content-Type: application/json)',
          },
        },
        ...issues,
      ]);
    }
    throw new ValidationFailed('the request does not match the schema', issues);
  });
}
