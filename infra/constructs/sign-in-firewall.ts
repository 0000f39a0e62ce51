import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface SignInFirewallProps {
  /** Prefix of the web ACL's name and metrics. */
  readonly namePrefix: string;
  /** The pool whose sign-in (managed login and its API) the web ACL guards. */
  readonly userPool: IUserPool;
  /** Requests one IP address may send in five minutes; beyond, WAF answers 403. */
  readonly ratePerFiveMinutes: number;
}

/**
 * An AWS WAF web ACL (REGIONAL) on the user pool, with one rate-based rule per source IP.
 * Why the pool and not the API: AWS WAF attaches to REST API stages, not to HTTP APIs; putting
 * CloudFront in front would need a CLOUDFRONT-scope ACL in us-east-1 (a second stack) and would
 * still leave the execute-api URL open. Sign-in is where scripted password guessing on NIPs
 * happens; the API's public routes get route-level throttles instead (./api.ts).
 */
export class SignInFirewall extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: SignInFirewallProps) {
    super(scope, id);
    const visibility = (name: string) => ({
      cloudWatchMetricsEnabled: true,
      metricName: `${props.namePrefix}-${name}`,
      sampledRequestsEnabled: true,
    });
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: `${props.namePrefix}-sign-in`,
      description: 'apel: rate limit per IP address on sign-in',
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('sign-in'),
      rules: [
        {
          name: 'rate-per-ip',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              limit: props.ratePerFiveMinutes,
              evaluationWindowSec: 300,
            },
          },
          visibilityConfig: visibility('rate-per-ip'),
        },
      ],
    });
    new CfnWebACLAssociation(this, 'OnUserPool', {
      resourceArn: props.userPool.userPoolArn,
      webAclArn: this.webAcl.attrArn,
    });
  }
}
