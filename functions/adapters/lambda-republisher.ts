import type { CorrectionTarget, Republisher } from '../core/corrections';
import type { AppLogger } from '../core/ports/logger';

/** The report function's event asking for a corrected day (functions/handlers/daily-report.ts). */
export const REPUBLISH_SOURCE = 'apel.corrections';

/**
 * On AWS a correction asks the report function to republish, asynchronously (InvocationType
 * Event): the API answers at once, the report function publishes within seconds, Lambda retries
 * a failed run twice and then dead-letters the event, and whatever is still pending is
 * republished by the next tick (docs/architecture.md, "Republishing a corrected day"). The SDK
 * client is loaded on first use, out of the API's cold start.
 */
export function lambdaRepublisher(o: {
  functionName: string;
  region?: string | undefined;
  /** A local stand-in for the Lambda API (tests); unset on AWS. */
  endpoint?: string | undefined;
}): Republisher {
  let client: Promise<{ send: (targets: readonly CorrectionTarget[]) => Promise<void> }> | null =
    null;
  const get = () => {
    client ??= import('@aws-sdk/client-lambda').then(
      ({ LambdaClient, InvokeCommand }) => {
        const lambda = new LambdaClient({
          ...(o.region ? { region: o.region } : {}),
          ...(o.endpoint
            ? { endpoint: o.endpoint, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }
            : {}),
        });
        return {
          async send(targets: readonly CorrectionTarget[]) {
            await lambda.send(
              new InvokeCommand({
                FunctionName: o.functionName,
                InvocationType: 'Event',
                Payload: new TextEncoder().encode(
                  JSON.stringify({ source: REPUBLISH_SOURCE, republish: targets }),
                ),
              }),
            );
          },
        };
      },
      (err) => {
        client = null;
        throw err;
      },
    );
    return client;
  };
  return { republish: async (targets) => (await get()).send(targets) };
}

/** Without a report function (a stack not yet updated): corrections wait for the tick. */
export function tickOnlyRepublisher(logger: AppLogger): Republisher {
  return {
    async republish(targets) {
      logger.warn('no report function configured: the tick republishes', {
        targets: targets.map((t) => `${t.date}/${t.rollCallId}`),
      });
    },
  };
}
