/**
 * The input the EventBridge Scheduler target sends to the daily-report function (infra passes
 * it as the target's input; Scheduler fills in the context attributes). The date comes from
 * the scheduled time, not the time of the call, so that a retry an hour later still publishes
 * the right day. A module of its own, free of side effects, so that the CDK app can import it
 * without reading the function's environment.
 */
export const SCHEDULE_INPUT = {
  source: 'apel.daily-report',
  scheduledTime: '<aws.scheduler.scheduled-time>',
  executionId: '<aws.scheduler.execution-id>',
  attemptNumber: '<aws.scheduler.attempt-number>',
} as const;
