import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { createApelApp } from '../../infra/create-app';

/** The feature flags `npx cdk synth` runs with (cdk.json), so tests synthesize the same thing. */
const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};

/**
 * Synthesize the apel app as `npx cdk synth -c …` would, and run cdk-nag over it. `bundle:
 * false` skips esbuild (CDK's `aws:cdk:bundling-stacks`) for tests that only read the template.
 */
export function synthApel(context: Record<string, unknown> = {}, bundle = true) {
  const app = new App({
    context: {
      ...cdkJson.context,
      ...context,
      ...(bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
    },
  });
  const stack = createApelApp(app);
  const template = Template.fromStack(stack);
  const nag = new AwsSolutionsChecks(app).validateScope(app);
  return { app, stack, template, nag };
}

/** A finding per line, readable in a failed assertion. */
export function findings(nag: ReturnType<typeof synthApel>['nag']): string[] {
  return nag.violations.flatMap((v) =>
    v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`),
  );
}

/** Every IAM policy statement attached to the role whose logical id starts with `rolePrefix`. */
export function statementsOf(template: Template, rolePrefix: string): Record<string, unknown>[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) =>
      (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref.startsWith(rolePrefix)),
    )
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
}

/** The actions of statements, flattened (a statement may hold one action or a list). */
export function actionsOf(statements: Record<string, unknown>[]): string[] {
  return statements.flatMap((s) => [s.Action as string | string[]].flat());
}

/**
 * A cycle among resources (Ref, Fn::GetAtt, DependsOn), which CloudFormation would reject at
 * deploy time but synth does not notice; null when there is none.
 */
export function dependencyCycle(template: Template): string[] | null {
  const json = template.toJSON() as {
    Resources: Record<string, { DependsOn?: string | string[] }>;
  };
  const ids = new Set(Object.keys(json.Resources));
  const edges = new Map<string, Set<string>>();
  const collect = (node: unknown, into: Set<string>): void => {
    if (Array.isArray(node)) for (const x of node) collect(x, into);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'Ref' && typeof v === 'string' && ids.has(v)) into.add(v);
        else if (k === 'Fn::GetAtt' && Array.isArray(v) && ids.has(v[0])) into.add(v[0]);
        else collect(v, into);
      }
    }
  };
  for (const [id, r] of Object.entries(json.Resources)) {
    const to = new Set<string>([r.DependsOn ?? []].flat());
    collect(r, to);
    edges.set(id, to);
  }
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string, path: string[]): string[] | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'open') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'open');
    for (const next of edges.get(id) ?? []) {
      const cycle = visit(next, [...path, id]);
      if (cycle) return cycle;
    }
    state.set(id, 'done');
    return null;
  };
  for (const id of ids) {
    const cycle = visit(id, []);
    if (cycle) return cycle;
  }
  return null;
}
