/**
 * Forge entry points: manifest.yml points every function at `index.<export>`. Only re-exports live here.
 */
// Resolvers, one per Custom UI surface
export { issuePanelResolver } from './entry/resolvers/issue-panel';
export { issueContextResolver } from './entry/resolvers/issue-context';
export { projectPageResolver } from './entry/resolvers/project-page';
export { globalPageResolver } from './entry/resolvers/global-page';
export { projectSettingsResolver } from './entry/resolvers/project-settings';
// Product event triggers
export { planningPropertyChanged } from './entry/triggers/planning-property-changed';
export { dependencyChanged } from './entry/triggers/dependency-changed';
// Scheduled triggers
export { portfolioSnapshot } from './entry/triggers/portfolio-snapshot';
// Readiness: recompute on product events, the hourly reconciliation, the project recompute after a settings change
export { readinessIssueChanged } from './entry/triggers/readiness-issue-changed';
export { readinessLinkChanged } from './entry/triggers/readiness-link-changed';
export { readinessReconcile, readinessRecompute } from './entry/triggers/readiness-jobs';
// Escalations (issue 12): detection, the SLA sweep, the web trigger and the Automation action
export { impedimentEvent } from './entry/triggers/impediment-events';
export { impedimentSlaSweep } from './entry/triggers/impediment-sla-sweep';
export { escalationWebhook } from './entry/webtriggers/escalation-webhook';
export { escalateAction } from './entry/actions/escalate-action';
