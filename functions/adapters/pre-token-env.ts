import * as v from 'valibot';

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

/**
 * The pre-token-generation function's environment. The user pool's id is not in it: each event
 * names its pool, and a variable would make the pool and its own trigger depend on each other.
 */
export const PreTokenEnvSchema = v.object({
  ADMIN_GROUP: v.optional(nonEmpty, 'admin'),
  /**
   * The claim the API reads the groups from. `cognito:groups` is Cognito's own (set through the
   * event's group override); any other name is written into the access token as well.
   */
  GROUPS_CLAIM: v.optional(nonEmpty, 'cognito:groups'),
  AWS_REGION: v.optional(v.string()),
  /** A local stand-in for Cognito (tests); unset on AWS. */
  COGNITO_ENDPOINT: v.optional(v.pipe(v.string(), v.url('must be a URL'))),
});
export type PreTokenEnv = v.InferOutput<typeof PreTokenEnvSchema>;
