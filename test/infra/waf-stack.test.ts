import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { findings, synthApel } from './synth';

// One synth, without bundling: a deployment that asks for WAF.
let s: ReturnType<typeof synthApel>;
beforeAll(() => {
  s = synthApel({ waf: 'true', wafRateLimit: '300' }, false);
});

describe('stack with -c waf=true', () => {
  it('puts a REGIONAL web ACL with a rate limit per IP on the user pool, nag-clean', () => {
    expect(findings(s.nag)).toEqual([]);
    s.template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      DefaultAction: { Allow: {} },
      Rules: [
        Match.objectLike({
          Action: { Block: {} },
          Statement: {
            RateBasedStatement: { AggregateKeyType: 'IP', Limit: 300, EvaluationWindowSec: 300 },
          },
        }),
      ],
    });
    const [association] = Object.values(s.template.findResources('AWS::WAFv2::WebACLAssociation'));
    expect(association?.Properties.ResourceArn).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^UsersPool/), 'Arn'],
    });
  });

  it('keeps the alarms of any deployment: the tick has no zone or hour to depend on', () => {
    const ids = Object.keys(s.template.findResources('AWS::CloudWatch::Alarm'));
    expect(ids.some((id) => id.startsWith('AlarmsNoPublication'))).toBe(false);
    expect(ids.some((id) => id.startsWith('AlarmsReportTickStopped'))).toBe(true);
    expect(ids.some((id) => id.startsWith('AlarmsReportNearTimeout'))).toBe(true);
    Annotations.fromStack(s.stack).hasNoWarning('/apel/Alarms', Match.anyValue());
  });
});

describe('a bad WAF value', () => {
  it('stops synth, naming the key', () => {
    expect(() => synthApel({ wafRateLimit: '5' }, false)).toThrow(
      /-c wafRateLimit: must be at least 10/,
    );
  });
});
