import { Duration } from 'aws-cdk-lib';
import { LambdaVersion, type UserPool, UserPoolOperation } from 'aws-cdk-lib/aws-cognito';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ApelFunction } from './apel-function';

export interface AdminMfaProps {
  /** The pool whose tokens the trigger shapes. */
  readonly userPool: UserPool;
  /** Entry file of the trigger (`functions/handlers/pre-token-generation.ts`). */
  readonly entry: string;
  /** Group whose members are admins. */
  readonly adminGroup: string;
  /** Claim the API reads the groups from. */
  readonly groupsClaim: string;
  /** How long the trigger's log group keeps logs. */
  readonly logRetention: RetentionDays;
  /** Powertools log level. @default 'INFO' */
  readonly logLevel?: string;
}

/**
 * Admins must use MFA: the pool's pre-token-generation trigger (event version 2, so it shapes the
 * access tokens the API accepts) issues the admin group only to users with TOTP set up
 * (functions/core/admin-mfa.ts). The pool keeps MFA optional for everyone else.
 */
export class AdminMfa extends Construct {
  readonly fn: ApelFunction;

  constructor(scope: Construct, id: string, props: AdminMfaProps) {
    super(scope, id);
    this.fn = new ApelFunction(this, 'Trigger', {
      entry: props.entry,
      description: 'apel: admin group only with TOTP (Cognito pre token generation)',
      memorySize: 256,
      // Cognito gives a trigger 5 s; the function's own Cognito calls give up sooner.
      timeout: Duration.seconds(5),
      logRetention: props.logRetention,
      logLevel: props.logLevel,
      environment: { ADMIN_GROUP: props.adminGroup, GROUPS_CLAIM: props.groupsClaim },
    });
    props.userPool.addTrigger(
      UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      this.fn.function,
      LambdaVersion.V2_0,
    );
    // A policy of its own, outside the role: the function depends on its role (and the role's
    // default policy), the pool on the function (its trigger), and this policy on the pool. In
    // the default policy, the pool's ARN would close that circle.
    new Policy(this, 'ReadUsers', {
      roles: [this.fn.role],
      statements: [
        new PolicyStatement({
          actions: ['cognito-idp:AdminGetUser'],
          resources: [props.userPool.userPoolArn],
        }),
      ],
    });
  }
}
