import type { SiteData } from './model';

/**
 * The demo's readiness settings, saved by the lead (a project administrator) through the settings page's
 * resolver: the SAFe-style default weights, a stricter "ready" in Data Platform. Each save recomputes its
 * project in the background, so every epic and feature of the demo has its score in JQL from the start.
 * The payload is the settings page's wire format (`settings.readiness.update`).
 */
const WEIGHTS = { spec: 20, nfrsAndAcceptance: 10, estimate: 15, decomposition: 15, features: 30, dependencies: 15, risks: 10, impediments: 5, techLead: 10 };

export function demoReadinessSettings(site: SiteData): Array<{ projectKey: string; payload: Record<string, unknown> }> {
  return site.projects.map((p) => ({
    projectKey: p.key,
    payload: {
      criteria: Object.fromEntries(Object.entries(WEIGHTS).map(([id, weight]) => [id, { enabled: true, weight }])),
      thresholds: p.key === 'DATA' ? { ready: 85, atRisk: 50 } : { ready: 80, atRisk: 50 },
      epicTypeIds: [],
      featureTypeIds: [],
    },
  }));
}
