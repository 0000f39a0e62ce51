import { presenceKeys } from './keys';

/**
 * The single-use writes on an employee's PASSKEYS item: spending the authentication challenge
 * with the credential's counter, and a ground code's claim. The passkey store and the ground
 * codes' store both build on these.
 */

/** Spend the authentication challenge and move the credential's counter, if both still stand. */
export function useUpdate(
  employeeId: string,
  challenge: string,
  credential: { id: string; counter: number },
  nowS: number,
  at: string,
) {
  return {
    Key: presenceKeys.passkeys(employeeId),
    UpdateExpression:
      'REMOVE authChallenge, authChallengeExp SET creds.#id.#counter = :n, creds.#id.lastUsedAt = :at',
    ConditionExpression:
      'authChallenge = :ch AND authChallengeExp > :now AND creds.#id.#status = :active',
    ExpressionAttributeNames: {
      '#id': credential.id,
      '#counter': 'counter',
      '#status': 'status',
    } as Record<string, string>,
    ExpressionAttributeValues: {
      ':n': credential.counter,
      ':at': at,
      ':ch': challenge,
      ':now': nowS,
      ':active': 'active',
    } as Record<string, unknown>,
  };
}

/**
 * A ground code's claim is an attribute of the employee's PASSKEYS item, one per roll call: the
 * newest step used for it. Steps only grow with time, so a newer step is also any later day's;
 * one item holds both proofs' single use, and a check-in with both spends them in one write.
 */
export const claimAttr = (rollCallId: string) => `codeStep#${rollCallId}`;
/** Only a newer step than any used: the same code, or an older one, is spent. */
export const CLAIM_CONDITION = '(attribute_not_exists(#claim) OR #claim < :step)';
