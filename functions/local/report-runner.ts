import type { AppLogger } from '../core/ports/logger';
import {
  type JobDeps,
  type ReportJobRequest,
  type ReportRunner,
  runJob,
} from '../core/report-jobs';

/**
 * Locally (`npm start`): a report job runs in this process, after the request that asked for it
 * has been answered, as the report function runs it on AWS. Its outcome is in its status file;
 * a failure is logged (there is no Lambda to retry it; asking again starts it again).
 */
export function inProcessRunner(deps: JobDeps, logger: AppLogger): ReportRunner {
  return {
    async start(job: ReportJobRequest) {
      setImmediate(() => {
        runJob(deps, job).catch((err: Error) =>
          logger.error('report job failed', { ...job, error: err.message }),
        );
      });
    },
  };
}
