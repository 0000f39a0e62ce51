import * as v from 'valibot';
import { cognitoTotpDirectory, createCognitoClient } from '../adapters/cognito-mfa';
import { readEnv } from '../adapters/config';
import { createLogger } from '../adapters/logger';
import { PreTokenEnvSchema } from '../adapters/pre-token-env';
import { groupsToIssue } from '../core/admin-mfa';

/**
 * The part of Cognito's pre-token-generation event (version 2, `V2_0`: both tokens) this trigger
 * reads. Cognito sends it for every token it issues: sign-in (`TokenGeneration_HostedAuth`,
 * `_Authentication`, `_NewPasswordChallenge`, `_AuthenticateDevice`) and refresh
 * (`TokenGeneration_RefreshTokens`), so an admin who turns TOTP off loses the group at the next
 * refresh, within the hour an access token lasts.
 */
const EventSchema = v.looseObject({
  version: v.string(),
  triggerSource: v.string(),
  userPoolId: v.string(),
  userName: v.optional(v.string()),
  request: v.looseObject({
    groupConfiguration: v.optional(
      v.looseObject({ groupsToOverride: v.optional(v.array(v.string())) }),
    ),
  }),
});

/** Cognito's V2 pre-token-generation event; `response` is what the trigger gives back. */
export type PreTokenGenerationV2Event = v.InferInput<typeof EventSchema> & {
  response: { claimsAndScopeOverrideDetails?: ClaimsAndScopeOverrideDetails | null };
};

export interface ClaimsAndScopeOverrideDetails {
  groupOverrideDetails?: { groupsToOverride: string[] };
  accessTokenGeneration?: { claimsToAddOrOverride: Record<string, string[]> };
}

const env = readEnv(PreTokenEnvSchema, process.env);
const logger = createLogger('apel-pre-token');
const client = createCognitoClient({ endpoint: env.COGNITO_ENDPOINT, region: env.AWS_REGION });

/**
 * Admins must use MFA: a token carries the admin group only for a user with TOTP set up
 * (core/admin-mfa.ts); everyone else's groups pass unchanged. It never throws for a user it can
 * read: an error here would fail the sign-in of every employee, not only the admin's.
 */
export async function handler(
  event: PreTokenGenerationV2Event,
): Promise<PreTokenGenerationV2Event> {
  const parsed = v.safeParse(EventSchema, event);
  const e = parsed.success ? parsed.output : undefined;
  if (!e) {
    // Not the event this trigger is for: no groups to vouch for, so none are issued.
    logger.error('not a pre-token-generation event: tokens issued without groups', {
      issues: parsed.issues?.map((i) => i.message),
    });
    return withGroups(event, []);
  }
  const groups = e.request.groupConfiguration?.groupsToOverride ?? [];
  const r = await groupsToIssue(
    { directory: cognitoTotpDirectory(client, e.userPoolId), logger },
    { username: e.userName, groups },
    env.ADMIN_GROUP,
  );
  // Nothing to change: the token is as Cognito would make it (the core logged any withholding).
  if (r.withheld === undefined && env.GROUPS_CLAIM === 'cognito:groups') return event;
  return withGroups(event, [...r.groups]);
}

/** The event with its response set to these groups, in `cognito:groups` and the API's claim. */
function withGroups(event: PreTokenGenerationV2Event, groups: string[]): PreTokenGenerationV2Event {
  const details: ClaimsAndScopeOverrideDetails = {
    groupOverrideDetails: { groupsToOverride: groups },
  };
  if (env.GROUPS_CLAIM !== 'cognito:groups') {
    details.accessTokenGeneration = { claimsToAddOrOverride: { [env.GROUPS_CLAIM]: groups } };
  }
  return { ...event, response: { ...event?.response, claimsAndScopeOverrideDetails: details } };
}
