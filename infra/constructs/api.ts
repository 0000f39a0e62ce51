import { Duration } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';

/** Who signs the tokens the API accepts. */
export interface JwtIssuer {
  /** The `iss` claim, e.g. `https://cognito-idp.{region}.amazonaws.com/{poolId}`. */
  readonly issuer: string;
  /** Accepted `aud` values; for Cognito access tokens, the app client id (`client_id`). */
  readonly audience: readonly string[];
  /** Where the issuer publishes its signing keys. */
  readonly jwksUrl: string;
}

/**
 * Routes API Gateway passes on without a token, each with why. The app verifies tokens itself
 * wherever it needs one. Every other route needs a valid JWT at the gateway too.
 */
export const PUBLIC_ROUTES: Readonly<Record<string, string>> = {
  'GET /': 'the check-in page and the sign-in callback; the page holds no data until signed in',
  'GET /wall':
    'the information wall: the app applies the wallAccess setting (public or signed in), ' +
    'which the gateway cannot know',
  'GET /wall/{date}': "a day's information wall, guarded by the app like GET /wall",
  'GET /v1/health': 'liveness for uptime monitors; it answers a status and the version only',
  'GET /v1/openapi.json': 'the API contract (OpenAPI), public like any published API reference',
  'GET /assets/{proxy+}': "the check-in page's static files (scripts, styles, icons)",
  'GET /config.json':
    "the check-in page's sign-in endpoints and the rules it applies before sending a fix; " +
    'no personal data',
};

/**
 * Public routes every employee's phone loads before it checks in; the other public routes (the
 * wall, health, the contract) are for a few screens and monitors.
 */
export const PAGE_ROUTES: readonly string[] = ['GET /', 'GET /config.json', 'GET /assets/{proxy+}'];

/** Share of the stage's rate and burst each public route may use: page routes, then the others. */
export const PUBLIC_ROUTE_SHARE = { page: 0.5, other: 0.1 } as const;

export interface ApiProps {
  /** Prefix of the API's name. */
  readonly namePrefix: string;
  /** The function behind every route. */
  readonly handler: IFunction;
  /** Steady requests per second for the whole stage (429 beyond it). */
  readonly rateLimit: number;
  /** Burst the stage absorbs above the steady rate. */
  readonly burstLimit: number;
  /** Browser origins allowed cross-origin; the page itself is served by the API (same origin). */
  readonly corsOrigins: readonly string[];
  /** How long access logs are kept. */
  readonly logRetention: RetentionDays;
  /** Routes without the JWT authorizer (`METHOD /path` → why). @default PUBLIC_ROUTES */
  readonly publicRoutes?: Readonly<Record<string, string>>;
}

/**
 * The HTTP API: one `$default` stage with throttling and JSON access logs, CORS for the
 * page's dev server, the public routes, and, once `requireJwt` is called, `ANY /` and
 * `ANY /{proxy+}` behind a JWT authorizer. Until then other paths end at the gateway (404):
 * the API fails closed.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  private readonly integration: HttpLambdaIntegration;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'Http', {
      apiName: `${props.namePrefix}-api`,
      description: 'apel: check-in API, pages and admin API',
      createDefaultStage: false,
      // The page is served by the API itself (same origin): CORS only for origins named.
      ...(props.corsOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: [...props.corsOrigins],
              allowMethods: [CorsHttpMethod.ANY],
              allowHeaders: ['authorization', 'content-type', 'accept-language', 'x-request-id'],
              exposeHeaders: ['x-request-id', 'retry-after'],
              maxAge: Duration.days(1),
            },
          }
        : {}),
    });
    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    this.stage = new HttpStage(this, 'Stage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit, burstLimit: props.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            time: '$context.requestTime',
            method: '$context.httpMethod',
            route: '$context.routeKey',
            status: '$context.status',
            bytes: '$context.responseLength',
            ms: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });
    // One permission for the whole API instead of one per route: a smaller template.
    this.integration = new HttpLambdaIntegration('Handler', props.handler, {
      scopePermissionToRoute: false,
    });
    const publicRoutes = props.publicRoutes ?? PUBLIC_ROUTES;
    for (const [route, why] of Object.entries(publicRoutes)) {
      const [method, path] = route.split(' ') as [HttpMethod, string];
      for (const r of this.httpApi.addRoutes({
        path,
        methods: [method],
        integration: this.integration,
      })) {
        acknowledge(r, 'APIG4', `${route} is public by design: ${why}.`);
        // Route settings name routes by key: the stage may only be updated once they exist.
        this.stage.node.addDependency(r);
      }
    }
    // Unauthenticated traffic gets limits of its own, below the stage's, so that a flood of
    // /wall or /config.json cannot take the rate (and the function's concurrency) that
    // check-ins need. Page routes get more: every employee loads them once a morning.
    const share = (route: string) =>
      PAGE_ROUTES.includes(route) ? PUBLIC_ROUTE_SHARE.page : PUBLIC_ROUTE_SHARE.other;
    // The property is plain JSON to CloudFormation: keys spelled as the API spells them.
    (this.stage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(
      Object.keys(publicRoutes).map((route) => [
        route,
        {
          ThrottlingRateLimit: Math.max(1, Math.floor(props.rateLimit * share(route))),
          ThrottlingBurstLimit: Math.max(1, Math.floor(props.burstLimit * share(route))),
        },
      ]),
    );
  }

  /** The base URL, ending in `/`. */
  get url(): string {
    return this.stage.url;
  }

  /** Route everything else to the handler, behind a JWT authorizer trusting `jwt`. */
  requireJwt(jwt: JwtIssuer): void {
    const authorizer = new HttpJwtAuthorizer('Jwt', jwt.issuer, {
      jwtAudience: [...jwt.audience],
    });
    for (const path of ['/', '/{proxy+}']) {
      this.httpApi.addRoutes({
        path,
        methods: [HttpMethod.ANY],
        integration: this.integration,
        authorizer,
      });
    }
  }
}
