import type { FactFeature } from '../../domain/readiness/criterion';
import { readinessSettingsProblem, type ReadinessSettings } from '../../domain/readiness/settings';
import { requireProjectAdmin } from '../project-settings/project-settings';
import { writeConfirmed } from '../shared/confirm-write';
import { invalidInput, notFound } from '../shared/errors';
import type { AccessChecker, WorkItemReader } from '../shared/ports';
import type { RecomputeQueue, RecomputeStatus, RecomputeStatusStore, ReadinessSettingsStore } from './ports';

export interface ReadinessSettingsDeps {
  reader: WorkItemReader;
  access: AccessChecker;
  readinessSettings: ReadinessSettingsStore;
  recomputeStatus: RecomputeStatusStore;
  recomputeQueue: RecomputeQueue;
  landedFeatures: readonly FactFeature[];
  now: () => Date;
}

export interface ReadinessSettingsView {
  settings: ReadinessSettings;
  canAdminister: boolean;
  /** The project's planning issue types (hierarchy level >= 1), to pick epics and features from. */
  issueTypes: Array<{ id: string; name: string; hierarchyLevel: number }>;
  recompute: RecomputeStatus | null;
  /** The features besides planning whose criteria are scored; the others' settings wait for them. */
  landedFeatures: FactFeature[];
}

export async function getReadinessSettings(deps: ReadinessSettingsDeps, projectKey: string): Promise<ReadinessSettingsView> {
  const project = await deps.reader.getProject(projectKey);
  if (!project) throw notFound(`Project ${projectKey}`);
  const [settings, canAdminister, recompute] = await Promise.all([deps.readinessSettings.get(project.key), deps.access.canAdministerProject(project.key), deps.recomputeStatus.get(project.key)]);
  const issueTypes = project.issueTypes.filter((t) => t.hierarchyLevel >= 1).map(({ id, name, hierarchyLevel }) => ({ id, name, hierarchyLevel }));
  return { settings, canAdminister: canAdminister === true, issueTypes, recompute, landedFeatures: [...deps.landedFeatures] };
}

/**
 * Saves a project's readiness settings (project administrators only) and starts the recompute of its items
 * in the background; the status says "recomputing" until it is done.
 */
export async function updateReadinessSettings(deps: ReadinessSettingsDeps, projectKey: string, settings: ReadinessSettings): Promise<ReadinessSettingsView> {
  await requireProjectAdmin(deps.access, projectKey);
  const problem = readinessSettingsProblem(settings);
  if (problem) throw invalidInput(problem);
  const project = await deps.reader.getProject(projectKey);
  if (!project) throw notFound(`Project ${projectKey}`);
  const known = new Set(project.issueTypes.filter((t) => t.hierarchyLevel >= 1).map((t) => t.id));
  if ([...settings.epicTypeIds, ...settings.featureTypeIds].some((id) => !known.has(id))) throw invalidInput('Epics and features: choose issue types of this project at the epic level or above.');
  // A lost answer on a save that landed is a save: the recompute must still start.
  await writeConfirmed(
    () => deps.readinessSettings.save(project.key, settings),
    async () => JSON.stringify(await deps.readinessSettings.get(project.key)) === JSON.stringify(settings),
  );
  const previous = await deps.recomputeStatus.get(project.key);
  const status: RecomputeStatus = { state: 'RECOMPUTING', generation: (previous?.generation ?? 0) + 1, requestedAt: deps.now().toISOString(), finishedAt: null, scored: 0, changed: 0, message: null };
  await deps.recomputeStatus.set(project.key, status);
  await deps.recomputeQueue.request(project.key, status.generation).catch(async (e: unknown) => {
    const message = 'Saved, but the recompute could not be started; the hourly reconciliation rescores the items.';
    await deps.recomputeStatus.set(project.key, { ...status, state: 'FAILED', finishedAt: deps.now().toISOString(), message });
    console.warn(`[readiness-settings] ${project.key}: ${e instanceof Error ? e.message : String(e)}`);
  });
  return getReadinessSettings(deps, project.key);
}
