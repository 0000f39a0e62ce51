import { Aws, Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  CfnUserPoolGroup,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import type { JwtIssuer } from './api';

/** The OIDC client and endpoints the check-in page signs in with. */
export interface WebSignIn {
  readonly clientId: string;
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
  readonly logoutUrl: string;
  /** Must be among the client's allowed OAuth scopes. */
  readonly scopes: readonly string[];
}

export interface UsersProps {
  /** Prefix of the pool's name. */
  readonly namePrefix: string;
  /** Name of the group whose members are admins. @default 'admin' */
  readonly adminGroup?: string;
  /**
   * Where managed login may send the browser back to: the API's URL, and the dev server, each
   * ending in `/`; the console's `/admin` under each is added.
   */
  readonly callbackUrls: readonly string[];
  /**
   * Prefix of the managed-login domain `https://{prefix}.auth.{region}.amazoncognito.com`;
   * must be unique in the region across all AWS accounts.
   * @default `{namePrefix}-` + the first block of the stack's unique id
   */
  readonly domainPrefix?: string;
}

/**
 * The Cognito user pool: employees sign in with their NIP as the username; admins create the
 * accounts (no self sign-up) and put BKD staff in the admin group. The page signs in through
 * managed login with the authorization code flow and PKCE (public client, no secret). Kept:
 * the pool holds every account, so it is retained and protected from deletion.
 */
export class Users extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /**
   * Enrols an admin's authenticator from the shell: `ADMIN_USER_PASSWORD_AUTH` only, which needs
   * AWS credentials (AdminInitiateAuth is an IAM-signed call), no OAuth. Its tokens carry the
   * scope the TOTP calls need and are not accepted by the API (not among its audiences).
   */
  readonly mfaEnrolClient: UserPoolClient;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: UsersProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'Pool', {
      userPoolName: `${props.namePrefix}-users`,
      featurePlan: FeaturePlan.ESSENTIALS,
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: false, mutable: true } },
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 8,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
      },
      userInvitation: {
        emailSubject: 'Akun apel Anda / Your apel account',
        emailBody:
          'Nama pengguna: {username}<br>Kata sandi sementara: {####}<br>' +
          'Ganti kata sandi saat masuk pertama kali.<br><br>' +
          'Username: {username}<br>Temporary password: {####}<br>' +
          'You will choose a new password at first sign-in.',
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    acknowledge(
      this.userPool,
      'COG2',
      'MFA is optional (TOTP) for employees and required of admins: the pre-token-generation ' +
        'trigger (AdminMfa) issues the admin group only to users with TOTP set up. Hundreds of ' +
        'field employees sign in on their own phones, and a check-in also needs a GPS fix ' +
        'inside the apel ground within the window (docs/deploy.md, "MFA for admins").',
    );
    acknowledge(
      this.userPool,
      'COG8',
      'Essentials plan, not Plus: Plus (threat protection) is billed per monthly active user, ' +
        'and accounts here are created by admins only (no self sign-up). Cheap by default.',
    );

    new CfnUserPoolGroup(this, 'AdminGroup', {
      userPoolId: this.userPool.userPoolId,
      groupName: props.adminGroup ?? 'admin',
      description: 'apel admins (BKD): roster, grounds, calendar, excuses, settings, reports',
    });

    // Each origin's check-in page (/) and its staff console (/admin).
    const urls = props.callbackUrls.flatMap((u) => [u, `${u}admin`]);
    this.client = this.userPool.addClient('WebClient', {
      userPoolClientName: 'apel-web',
      generateSecret: false,
      // Managed login (code flow + PKCE) only, plus refresh: no USER_PASSWORD_AUTH or SRP, so a
      // script cannot try passwords for NIPs against InitiateAuth; it must go through managed
      // login, where the optional WAF rate limit and Cognito's lockout apply.
      authFlows: { userPassword: false, userSrp: false, adminUserPassword: false, custom: false },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.PROFILE],
        callbackUrls: urls,
        logoutUrls: urls,
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      // Employees stay signed in on their phone for a month of mornings.
      refreshTokenValidity: Duration.days(30),
    });

    // Managed login does not offer TOTP set-up while MFA is optional, and the web client's tokens
    // lack the aws.cognito.signin.user.admin scope that AssociateSoftwareToken needs (giving it to
    // every employee's token would also let them change or delete their own account).
    this.mfaEnrolClient = this.userPool.addClient('MfaEnrolClient', {
      userPoolClientName: 'apel-mfa-enrol',
      generateSecret: false,
      authFlows: { adminUserPassword: true },
      disableOAuth: true,
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.minutes(15),
      idTokenValidity: Duration.minutes(15),
      refreshTokenValidity: Duration.hours(1),
    });

    const stackUuid = Fn.select(2, Fn.split('/', Aws.STACK_ID));
    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: {
        domainPrefix:
          props.domainPrefix ?? `${props.namePrefix}-${Fn.select(0, Fn.split('-', stackUuid))}`,
      },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    // Managed login shows a page only for clients with a style; Cognito's own is enough.
    const branding = new CfnManagedLoginBranding(this, 'Branding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    branding.node.addDependency(this.domain);
  }

  /** How the check-in page signs in: the web client through managed login (code flow + PKCE). */
  get webSignIn(): WebSignIn {
    const base = this.domain.baseUrl();
    return {
      clientId: this.client.userPoolClientId,
      authorizeUrl: `${base}/oauth2/authorize`,
      tokenUrl: `${base}/oauth2/token`,
      logoutUrl: `${base}/logout`,
      scopes: ['openid', 'profile'],
    };
  }

  /** The issuer the API trusts: this pool, its keys, and the web client as audience. */
  get jwt(): JwtIssuer {
    // Spelled out, as the tokens' `iss` claim has it (the CDK's own Cognito authorizer does too).
    const issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
    return {
      issuer,
      audience: [this.client.userPoolClientId],
      jwksUrl: `${issuer}/.well-known/jwks.json`,
    };
  }
}
