import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { ReportJobRequest, ReportRunner } from '../core/report-jobs';
import { guard } from './dynamo/errors';

/**
 * On AWS: a report job runs in the report function, started by an asynchronous invoke
 * (`InvocationType: Event`): the API answers 202 at once, Lambda queues the event, retries a
 * failed run twice and dead-letters it (infra/constructs/report.ts), as it does the tick's.
 * The event is `{ "job": { kind, date, rollCallId } }` (functions/handlers/daily-report.ts).
 */
export function lambdaRunner(o: {
  functionName: string;
  region?: string | undefined;
  endpoint?: string | undefined;
}): ReportRunner {
  let client: LambdaClient | null = null;
  return {
    async start(job: ReportJobRequest) {
      client ??= new LambdaClient({
        ...(o.region ? { region: o.region } : {}),
        ...(o.endpoint
          ? {
              endpoint: o.endpoint,
              region: o.region ?? 'local',
              credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
            }
          : {}),
      });
      const lambda = client;
      await guard(() =>
        lambda.send(
          new InvokeCommand({
            FunctionName: o.functionName,
            InvocationType: 'Event',
            Payload: new TextEncoder().encode(JSON.stringify({ job })),
          }),
        ),
      );
    },
  };
}
