import { beforeAll, describe, expect, it } from 'vitest';
import { PreTokenEnvSchema } from '../../functions/adapters/pre-token-env';
import { dependencyCycle, findings, statementsOf, synthApel } from './synth';

// One synth with real bundling: the trigger's entry must bundle like the other handlers.
let s: ReturnType<typeof synthApel>;
beforeAll(() => {
  s = synthApel();
});

type Props = Record<string, any>;
const resources = (type: string): [string, Props][] =>
  Object.entries(s.template.findResources(type)).map(([id, r]) => [id, r as Props]);
const pool = (): Props => {
  const all = resources('AWS::Cognito::UserPool');
  expect(all).toHaveLength(1);
  return all[0]?.[1].Properties as Props;
};
const trigger = (): [string, Props] => {
  const found = resources('AWS::Lambda::Function').filter(([id]) => id.startsWith('AdminMfa'));
  expect(found).toHaveLength(1);
  const [id, fn] = found[0] as [string, Props];
  return [id, fn.Properties as Props];
};
const poolId = () => resources('AWS::Cognito::UserPool')[0]?.[0] as string;

describe('admins need MFA: the stack', () => {
  it('keeps MFA optional for everyone, TOTP only, no remembered devices skipping it', () => {
    const p = pool();
    expect(p.MfaConfiguration).toBe('OPTIONAL');
    expect(p.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    // A remembered device would let a sign-in skip the TOTP the trigger takes for granted.
    expect(p.DeviceConfiguration).toBeUndefined();
    // Access-token customisation (event version 2) needs the Essentials or Plus plan.
    expect(p.UserPoolTier).toBe('ESSENTIALS');
  });

  it('attaches the trigger to token generation with event version 2 (access tokens too)', () => {
    const [id, fn] = trigger();
    expect(pool().LambdaConfig).toEqual({
      PreTokenGenerationConfig: {
        LambdaArn: { 'Fn::GetAtt': [id, 'Arn'] },
        LambdaVersion: 'V2_0',
      },
    });
    expect(fn).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Timeout: 5 });
    // Cognito, for this pool only, may invoke it.
    const permissions = resources('AWS::Lambda::Permission').filter(
      ([, r]) => r.Properties.Principal === 'cognito-idp.amazonaws.com',
    );
    expect(permissions).toHaveLength(1);
    expect(permissions[0]?.[1].Properties).toMatchObject({
      FunctionName: { 'Fn::GetAtt': [id, 'Arn'] },
      SourceArn: { 'Fn::GetAtt': [poolId(), 'Arn'] },
    });
  });

  it('gives the trigger the names it needs and nothing it would have to read from the pool', () => {
    const vars = trigger()[1].Environment.Variables as Record<string, unknown>;
    expect(vars).toMatchObject({ ADMIN_GROUP: 'admin', GROUPS_CLAIM: 'cognito:groups' });
    for (const key of Object.keys(vars)) {
      expect([...Object.keys(PreTokenEnvSchema.entries), 'LOG_LEVEL', 'NODE_OPTIONS']).toContain(
        key,
      );
    }
  });

  it('lets the trigger read users of this pool only, and do nothing else with Cognito', () => {
    const cognito = statementsOf(s.template, 'AdminMfaTriggerRole').filter((st) =>
      JSON.stringify(st.Action).includes('cognito-idp:'),
    );
    expect(cognito).toEqual([
      {
        Effect: 'Allow',
        Action: 'cognito-idp:AdminGetUser',
        Resource: { 'Fn::GetAtt': [poolId(), 'Arn'] },
      },
    ]);
    // No other role may touch Cognito.
    const others = resources('AWS::IAM::Policy')
      .filter(([id]) => !id.startsWith('AdminMfa'))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Props[]);
    expect(others.filter((st) => JSON.stringify(st.Action).includes('cognito-idp:'))).toEqual([]);
  });

  it('has no dependency cycle between the pool and its trigger, and no unacknowledged finding', () => {
    expect(dependencyCycle(s.template)).toBeNull();
    expect(findings(s.nag)).toEqual([]);
  });

  it('has an enrolment client for admins: IAM-signed password sign-in only, no OAuth, not an API audience', () => {
    const clients: Props[] = resources('AWS::Cognito::UserPoolClient').map(([id, r]) => ({
      id,
      ...(r.Properties as Props),
    }));
    const enrol = clients.find((c) => c.ClientName === 'apel-mfa-enrol');
    expect(enrol).toMatchObject({
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: false,
      AccessTokenValidity: 15,
    });
    expect(enrol?.AllowedOAuthFlows).toBeUndefined();
    const authorizer = resources('AWS::ApiGatewayV2::Authorizer')[0]?.[1].Properties as Props;
    expect(authorizer.JwtConfiguration.Audience).toEqual([
      { Ref: clients.find((c) => c.ClientName === 'apel-web')?.id },
    ]);
    expect(s.template.findOutputs('MfaEnrolClientId')).toEqual({
      MfaEnrolClientId: { Value: { Ref: enrol?.id } },
    });
  });
});
