import { escalationSettingsProblem, type EscalationSettings } from '../../domain/impediments/settings';
import { requireProjectAdmin } from '../project-settings/project-settings';
import { AppFailure, invalidInput, notFound } from '../shared/errors';
import type { AccessChecker } from '../shared/ports';
import type { EscalationSettingsStore } from './ports';
import type { WebhookCrypto, WebhookSecretStore } from './webhook-ports';

export interface EscalationSettingsDeps {
  access: AccessChecker;
  escalationSettings: EscalationSettingsStore;
  webhookSecret: WebhookSecretStore;
  crypto: WebhookCrypto;
  now(): Date;
}

export interface EscalationSettingsView {
  settings: EscalationSettings;
  canAdminister: boolean;
  /** When the web trigger secret was created (never the secret itself), or null when there is none. */
  secretCreatedAt: string | null;
}

export async function getEscalationSettings(deps: EscalationSettingsDeps, projectKey: string): Promise<EscalationSettingsView> {
  const canAdminister = await deps.access.canAdministerProject(projectKey);
  if (canAdminister === null) throw notFound(`Project ${projectKey}`);
  const [settings, secretCreatedAt] = await Promise.all([deps.escalationSettings.get(projectKey), deps.webhookSecret.createdAt()]);
  return { settings, canAdminister, secretCreatedAt };
}

export async function updateEscalationSettings(deps: EscalationSettingsDeps, projectKey: string, settings: EscalationSettings): Promise<EscalationSettings> {
  await requireProjectAdmin(deps.access, projectKey);
  const problem = escalationSettingsProblem(settings);
  if (problem) throw invalidInput(problem);
  await deps.escalationSettings.save(projectKey, settings);
  return settings;
}

/**
 * Creates a new web trigger secret for the installation, replacing the old one (requests signed with it fail
 * from now on). The answer is the only time the secret is shown; it is never logged. `previous` is the creation
 * time of the secret the admin saw (null: none), so two admins cannot replace each other's new secret unseen.
 */
export async function rotateWebhookSecret(deps: EscalationSettingsDeps, projectKey: string, previous: string | null): Promise<{ secret: string; createdAt: string }> {
  await requireProjectAdmin(deps.access, projectKey);
  if ((await deps.webhookSecret.createdAt()) !== previous) throw new AppFailure('CONFLICT', 'Someone replaced the secret in the meantime: reload the settings before rotating it.');
  const secret = deps.crypto.newSecret();
  const createdAt = deps.now().toISOString();
  await deps.webhookSecret.replace(secret, createdAt);
  return { secret, createdAt };
}
