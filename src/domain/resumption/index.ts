/**
 * Resumption (复工复产): risk levels and resumption modes, condition lists, the application workflow
 * ("一口受理、并行办理"), on-site checks and rectification, enterprise status, 复工率 / 复岗率 and the weekly report.
 * See README.md in this folder for the API.
 */
export * from './actor.ts';
export * from './application.ts';
export * from './citations.ts';
export * from './classification.ts';
export * from './commitment-letter.ts';
export * from './conditions.ts';
export * from './inspection.ts';
export * from './lead-department.ts';
export * from './plan.ts';
export * from './ratio.ts';
export * from './rates.ts';
export * from './refusal-reasons.ts';
export * from './review-metrics.ts';
export * from './risk-level.ts';
export * from './status.ts';
export * from './templates/index.ts';
