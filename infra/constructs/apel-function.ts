import { Duration } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { acknowledge, nagArn } from '../nag';
import type { Data, TableWrites } from './data';

export interface ApelFunctionProps {
  /** The handler's TypeScript entry file; it must export `handler`. */
  readonly entry: string;
  /** What the function is for, shown in the Lambda console. */
  readonly description: string;
  /** Environment variables besides `LOG_LEVEL` and `NODE_OPTIONS`. @default - none */
  readonly environment?: Record<string, string>;
  /** Memory in MB; CPU grows with it. @default 512 */
  readonly memorySize?: number;
  /** Longest run before Lambda stops it. @default Duration.seconds(10) */
  readonly timeout?: Duration;
  /** How long the function's own log group keeps logs. */
  readonly logRetention: RetentionDays;
  /** Powertools log level. @default 'INFO' */
  readonly logLevel?: string;
  /**
   * Packages the code loads only with `await import()` on a rare path (exceljs for a workbook
   * import): left out of the handler's bundle and bundled on their own beside it, as
   * `node_modules/<name>/index.js`, so a cold start neither reads nor parses them. @default - none
   */
  readonly sideModules?: readonly string[];
  /**
   * Folders of the project copied beside the handler's bundle (`from` relative to the project
   * root, `to` relative to the bundle's folder), for files the code reads at run time rather
   * than imports: the pages' built scripts and stylesheets, which as strings in the bundle were
   * parsed at every cold start. @default - none
   */
  readonly sideFiles?: readonly { readonly from: string; readonly to: string }[];
}

/**
 * One Lambda function the way every apel function runs: Node.js 24 on arm64 (cheaper per
 * GB-second), bundled and minified by the local esbuild (no Docker), source maps on, an
 * explicit log group with retention, and a role of its own that starts with nothing but
 * writing to that log group (no managed policy); grants are added by the caller.
 */
export class ApelFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: ApelFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.description}`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        ...props.environment,
        LOG_LEVEL: props.logLevel ?? 'INFO',
        // Stack traces point at the TypeScript source instead of the minified bundle.
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.CJS,
        target: 'node24',
        minify: true,
        sourceMap: true,
        // Line mappings only, not a second copy of the sources: a smaller package.
        sourcesContent: false,
        // The Node 24 runtime ships AWS SDK v3: leaving it out makes the API bundle a quarter of
        // the size and its cold start about that of Hono and the DynamoDB client alone
        // (BENCHMARKS.md, part 3). ES module builds first let esbuild tree-shake the rest.
        externalModules: ['@aws-sdk/*', ...(props.sideModules ?? [])],
        mainFields: ['module', 'main'],
        ...(props.sideModules?.length || props.sideFiles?.length
          ? { commandHooks: sideBundles(props.sideModules ?? [], props.sideFiles ?? []) }
          : {}),
      },
    });
  }

  /**
   * Use the table: sets `TABLE_NAME` and grants reads, plus writes when `writes` is given
   * (exactly those; never a delete).
   */
  bindTable(data: Data, writes?: TableWrites): void {
    this.function.addEnvironment('TABLE_NAME', data.table.tableName);
    data.grantRead(this.role);
    if (writes) data.grantWrite(this.role, writes);
  }

  /**
   * Publish reports: sets `REPORTS_BUCKET` and `REPORTS_TOPIC_ARN`, grants writing report
   * files (and reading them back when `read`), and publishing the notice.
   */
  bindReports(bucket: IBucket, topic: ITopic, options: { read: boolean }): void {
    this.function.addEnvironment('REPORTS_BUCKET', bucket.bucketName);
    this.function.addEnvironment('REPORTS_TOPIC_ARN', topic.topicArn);
    // Every file the app writes is under reports/ (functions/core/publish.ts), but a locked
    // month's recap and its files, kept under recaps/ (functions/core/recap-days.ts).
    const files = [bucket.arnForObjects('reports/*'), bucket.arnForObjects('recaps/*')];
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', ...(options.read ? ['s3:GetObject'] : [])],
        resources: files,
      }),
    );
    if (options.read) {
      // Without ListBucket S3 answers a missing key with 403 instead of 404 (NoSuchKey).
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['s3:ListBucket'],
          resources: [bucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': ['reports/*', 'recaps/*'] } },
        }),
      );
    }
    topic.grantPublish(this.role);
    acknowledge(
      this.role,
      `IAM5[Resource::${nagArn(bucket)}/reports/*]`,
      'Report files are keyed by date (reports/{date}/…, reports/latest/…); the grant covers ' +
        'only the reports/ prefix of this one bucket, and only PutObject (GetObject for the API).',
    );
    acknowledge(
      this.role,
      `IAM5[Resource::${nagArn(bucket)}/recaps/*]`,
      'A locked month keeps its recap under recaps/{month}/{rollCall}/locked-{instant}/; the ' +
        'grant covers only that prefix of this one bucket.',
    );
    if (topic.masterKey) {
      acknowledge(
        this.role,
        'IAM5[Action::kms:GenerateDataKey*]',
        'Publishing to a KMS-encrypted SNS topic needs kms:GenerateDataKey* and kms:Decrypt ' +
          '(CDK Topic.grantPublish); the grant is on the topic key only.',
      );
    }
  }

  /** Add an environment variable after creation (values known only once other parts exist). */
  addEnvironment(key: string, value: string): void {
    this.function.addEnvironment(key, value);
  }
}

/**
 * After the handler's bundle: esbuild once more for each side module (by its own main), and a
 * copy of each side folder.
 */
function sideBundles(
  names: readonly string[],
  files: readonly { readonly from: string; readonly to: string }[],
) {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) => [
      ...files.flatMap(({ from, to }) => [
        `mkdir -p "${outputDir}/${to}"`,
        `cp -R "${inputDir}/${from}/." "${outputDir}/${to}/"`,
      ]),
      ...names.flatMap((name) => [
        `"${inputDir}/node_modules/.bin/esbuild" "${inputDir}/node_modules/${name}" --bundle ` +
          '--platform=node --target=node24 --format=cjs --minify --log-level=error ' +
          `--outfile="${outputDir}/node_modules/${name}/index.js"`,
        // require() and import() both find index.js through it.
        `echo '{"main":"index.js"}' > "${outputDir}/node_modules/${name}/package.json"`,
      ]),
    ],
  };
}
