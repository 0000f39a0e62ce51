import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface NoticesProps {
  /** Prefix of the topic's display name. */
  readonly namePrefix: string;
  /** Address that receives report notices and alarms; AWS asks it to confirm. @default - none */
  readonly email?: string;
}

/**
 * The SNS topic admins hear from: a notice when the daily report is published, and every
 * alarm. Encrypted with a customer-managed key (rotated yearly) because CloudWatch alarms
 * cannot publish to a topic under the AWS-managed SNS key; publishing needs TLS.
 */
export class Notices extends Construct {
  readonly topic: Topic;
  readonly key: Key;

  constructor(scope: Construct, id: string, props: NoticesProps) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'apel: encrypts the notices topic',
      enableKeyRotation: true,
      // It encrypts messages in flight only: nothing to keep once the topic is gone.
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    // CloudWatch alarms publish to the encrypted topic; only this account's alarms may have it
    // use the key (the confused-deputy conditions, which alarm delivery carries).
    const { account, region, partition } = Stack.of(this);
    this.key.grant(
      new ServicePrincipal('cloudwatch.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': account },
          ArnLike: { 'aws:SourceArn': `arn:${partition}:cloudwatch:${region}:${account}:alarm:*` },
        },
      }),
      'kms:Decrypt',
      'kms:GenerateDataKey*',
    );
    this.topic = new Topic(this, 'Topic', {
      displayName: `${props.namePrefix}: laporan & alarm / reports & alarms`,
      masterKey: this.key,
      enforceSSL: true,
    });
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
  }
}
