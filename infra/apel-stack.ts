import { Annotations, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { TICK_MINUTES } from '../functions/handlers/daily-report-input';
import type { ApelConfig } from './config';
import { AdminMfa } from './constructs/admin-mfa';
import { Alarms } from './constructs/alarms';
import { ApelFunction } from './constructs/apel-function';
import { Api, type JwtIssuer } from './constructs/api';
import { Data } from './constructs/data';
import { Notices } from './constructs/notices';
import { Report } from './constructs/report';
import { ReportArchive } from './constructs/report-archive';
import { SignInFirewall } from './constructs/sign-in-firewall';
import { Users } from './constructs/users';

/** Where the page's dev server runs (`npm start`); managed login may send the browser back there. */

export interface ApelStackProps extends StackProps {
  /** The validated deployment context. */
  readonly config: ApelConfig;
  /** Entry file of the API function (`functions/handlers/api.ts`). */
  readonly apiEntry: string;
  /** Entry file of the daily-report function (`functions/handlers/daily-report.ts`). */
  readonly reportEntry: string;
  /** Entry file of the user pool's pre-token-generation trigger (admins need TOTP). */
  readonly preTokenEntry: string;
  /** Reported by `GET /v1/health` and the OpenAPI document. */
  readonly version: string;
}

/**
 * A whole apel deployment. Stateful parts (table, reports bucket, user pool) are constructs of
 * their own, retained and protected; the stateless ones (functions, API, schedule, alarms) can
 * be replaced freely. Construct ids are part of the resources' identities: renaming a stateful
 * one would orphan it and create an empty new one.
 */
export class ApelStack extends Stack {
  constructor(scope: Construct, id: string, props: ApelStackProps) {
    super(scope, id, props);
    const { config } = props;
    const logRetention = config.logRetentionDays as RetentionDays;

    // Stateful.
    const data = new Data(this, 'Data');
    const archive = new ReportArchive(this, 'ReportArchive');

    // Stateless.
    const notices = new Notices(this, 'Notices', {
      namePrefix: config.prefix,
      email: config.adminEmail,
    });
    const apiFn = new ApelFunction(this, 'ApiFunction', {
      // A workbook import loads exceljs (~1 MB) lazily, a passkey registration
      // @simplewebauthn/server (~240 KB with its certificate parsers): both kept out of the
      // API's cold start (a check-in's assertion is verified with node:crypto).
      sideModules: ['exceljs', '@simplewebauthn/server'],
      // The pages' scripts and stylesheets, read on first request (functions/http/pages/assets.ts):
      // as files beside index.js they are no part of the bundle's import.
      sideFiles: [{ from: 'functions/http/pages/built', to: 'built' }],
      entry: props.apiEntry,
      description: 'apel: check-in and admin API, pages',
      timeout: Duration.seconds(29),
      logRetention,
      logLevel: config.logLevel,
      environment: { APP_VERSION: props.version },
    });
    // Puts and updates only, one item per request: nothing is deleted (records are retired).
    apiFn.bindTable(data, {});
    apiFn.bindReports(archive.bucket, notices.topic, { read: true });

    const api = new Api(this, 'Api', {
      namePrefix: config.prefix,
      handler: apiFn.function,
      rateLimit: config.throttleRate,
      burstLimit: config.throttleBurst,
      corsOrigins: config.corsOrigins ?? [],
      logRetention,
    });
    const users = config.jwtIssuer
      ? undefined
      : new Users(this, 'Users', {
          namePrefix: config.prefix,
          adminGroup: config.adminGroup,
          // The page on the API, and any other origin the deployment was told to trust.
          callbackUrls: [api.url, ...(config.corsOrigins ?? []).map((o) => `${o}/`)],
          domainPrefix: config.authDomainPrefix,
        });
    if (users) {
      new AdminMfa(this, 'AdminMfa', {
        userPool: users.userPool,
        entry: props.preTokenEntry,
        adminGroup: config.adminGroup,
        groupsClaim: config.groupsClaim,
        logRetention,
        logLevel: config.logLevel,
      });
    }
    if (config.waf && users) {
      new SignInFirewall(this, 'SignInFirewall', {
        namePrefix: config.prefix,
        userPool: users.userPool,
        ratePerFiveMinutes: config.wafRateLimit,
      });
    } else if (config.waf) {
      Annotations.of(this).addWarning(
        '-c waf=true guards the Cognito user pool; with jwtIssuer there is none: ' +
          "put a rate limit in front of your issuer's sign-in instead",
      );
    }
    const jwt: JwtIssuer = users?.jwt ?? {
      issuer: config.jwtIssuer as string,
      audience: config.jwtAudience ?? [],
      jwksUrl: config.jwtJwksUrl as string,
    };
    api.requireJwt(jwt);
    for (const [key, value] of Object.entries({
      JWT_ISSUER: jwt.issuer,
      JWT_AUDIENCE: jwt.audience.join(','),
      JWT_JWKS_URL: jwt.jwksUrl,
      // Cognito access tokens carry the user name (the NIP) as `username`; `sub` is a UUID.
      EMPLOYEE_CLAIM: config.employeeClaim ?? (users ? 'username' : 'sub'),
      GROUPS_CLAIM: config.groupsClaim,
      ADMIN_GROUP: config.adminGroup,
      // The console map's tiles, when the deployment names its own (OpenStreetMap's otherwise).
      ...(config.tileUrl ? { TILE_URL: config.tileUrl } : {}),
      ...(config.tileAttribution ? { TILE_ATTRIBUTION: config.tileAttribution } : {}),
      // The check-in page signs in through managed login. With another issuer it says that
      // sign-in is not set up (the variables can be added by hand: docs/deploy.md, "Another
      // OpenID Connect provider").
      ...(users
        ? {
            WEB_CLIENT_ID: users.webSignIn.clientId,
            OIDC_AUTHORIZE_URL: users.webSignIn.authorizeUrl,
            OIDC_TOKEN_URL: users.webSignIn.tokenUrl,
            OIDC_LOGOUT_URL: users.webSignIn.logoutUrl,
            OIDC_SCOPES: users.webSignIn.scopes.join(' '),
          }
        : {}),
    })) {
      apiFn.addEnvironment(key, value);
    }

    const report = new Report(this, 'Report', {
      entry: props.reportEntry,
      data,
      bucket: archive.bucket,
      topic: notices.topic,
      logRetention,
      logLevel: config.logLevel,
    });
    // The API asks the report function to republish a corrected day (adapters/lambda-republisher.ts;
    // docs/architecture.md, "Republishing") and to build large rosters' reports
    // (core/report-jobs.ts): one grant to invoke it, its name in REPORT_FUNCTION_NAME.
    report.acceptJobsFrom(apiFn);
    // The functions' own metrics (EMF), one namespace per deployment.
    for (const fn of [apiFn, report.fn]) {
      fn.addEnvironment('POWERTOOLS_METRICS_NAMESPACE', config.prefix);
    }
    new Alarms(this, 'Alarms', {
      topic: notices.topic,
      api: api.httpApi,
      data,
      reportFunction: report.fn.function,
      deadLetters: report.deadLetters,
      metricsNamespace: config.prefix,
      reportTimeout: report.timeout,
      tickMinutes: TICK_MINUTES,
    });

    const outputs: Record<string, string | undefined> = {
      ApiUrl: api.url,
      ReportsBucket: archive.bucket.bucketName,
      NoticesTopicArn: notices.topic.topicArn,
      DeadLetterQueueUrl: report.deadLetters.queueUrl,
      JwtIssuer: jwt.issuer,
      UserPoolId: users?.userPool.userPoolId,
      UserPoolClientId: users?.client.userPoolClientId,
      MfaEnrolClientId: users?.mfaEnrolClient.userPoolClientId,
      LoginUrl: users?.domain.baseUrl(),
    };
    for (const [name, value] of Object.entries(outputs)) {
      if (value !== undefined) new CfnOutput(this, name, { value });
    }
  }
}
