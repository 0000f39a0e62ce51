/**
 * The input the EventBridge Scheduler tick sends to the report function every five minutes
 * (infra passes it as the target's input; Scheduler fills in the context attributes). What is
 * due is decided as of the scheduled time, not the time of the call, so that a retry later
 * decides the same way. A module of its own, free of side effects, so that the CDK app can import
 * it without reading the function's environment.
 */
export const SCHEDULE_INPUT = {
  source: 'apel.report-tick',
  scheduledTime: '<aws.scheduler.scheduled-time>',
  executionId: '<aws.scheduler.execution-id>',
  attemptNumber: '<aws.scheduler.attempt-number>',
} as const;

/** How often the tick runs, in minutes: a roll call publishes at most this late. */
export const TICK_MINUTES = 5;
