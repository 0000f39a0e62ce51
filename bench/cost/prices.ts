/**
 * List prices, US East (N. Virginia), USD, as AWS publishes them (on-demand, no free tier, first
 * volume tier), as known on 2026-11-27 — not fetched: this machine has no network. ap-southeast-3
 * (Jakarta) prices are somewhat higher for most of these services; the model is linear in every
 * price, so a Jakarta estimate is this table with Jakarta's figures (AWS Pricing Calculator).
 */
export const PRICE_REGION = 'us-east-1 (N. Virginia)';
export const PRICES_AS_OF = '2026-11-27 (list prices as known; verify before quoting)';

export const PRICES = {
  /** API Gateway HTTP API, per request (first 300 M a month). */
  httpApiRequest: 1.0 / 1e6,
  /** Lambda, Arm (Graviton), per GB-second and per request. */
  lambdaArmGbSecond: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  /** DynamoDB on demand, Standard table class (since the November 2024 price cut). */
  dynamoWriteUnit: 0.625 / 1e6,
  dynamoReadUnit: 0.125 / 1e6,
  dynamoGbMonth: 0.25,
  /** S3 Standard. */
  s3GbMonth: 0.023,
  s3Put: 0.005 / 1000,
  /** EventBridge Scheduler, per invocation (14 M a month are free: not applied here). */
  schedulerInvocation: 1.0 / 1e6,
  /** SNS: publishes, and email deliveries. */
  snsPublish: 0.5 / 1e6,
  snsEmail: 2.0 / 100_000,
  /** CloudWatch Logs, standard class: ingestion. */
  logsIngestGb: 0.5,
  /** Cognito user pools, Essentials plan (the stack's FeaturePlan.ESSENTIALS): per MAU over 10,000. */
  cognitoEssentialsMau: 0.015,
  cognitoFreeMau: 10_000,
} as const;

export const PRICE_ROWS: [string, string][] = [
  ['API Gateway HTTP API', '$1.00 per million requests'],
  ['Lambda, Arm', '$0.0000133334 per GB-second; $0.20 per million requests'],
  [
    'DynamoDB on demand (Standard)',
    '$0.625 per million write units; $0.125 per million read units; $0.25 per GB-month',
  ],
  ['S3 Standard', '$0.023 per GB-month; $0.005 per 1,000 PUT'],
  ['EventBridge Scheduler', '$1.00 per million invocations'],
  ['SNS', '$0.50 per million publishes; $2.00 per 100,000 email deliveries'],
  ['CloudWatch Logs', '$0.50 per GB ingested'],
  ['Cognito, Essentials', '$0.015 per monthly active user over 10,000'],
];
