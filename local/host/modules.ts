import type { SiteStore } from '../jira/store';
import { OFFLINE_ENVIRONMENT_ID, runInvocation } from '../runtime/forge-runtime';
import type { LoadedManifest, UiModule } from '../runtime/manifest';
import type { AppHandler } from './app-handlers';
import { HostError } from './http';
import type { Viewer } from './pages';

export interface BridgeInvokeRequest {
  moduleKey: string;
  context: { issueKey?: string; projectKey?: string };
  functionKey: string;
  payload?: unknown;
}

export type ModuleTarget = BridgeInvokeRequest['context'];

/**
 * The app's UI modules as Forge runs them: the context each one gets (in the frame and in its resolver) and
 * the resolver invocation itself.
 */
export class Modules {
  constructor(
    private readonly manifest: LoadedManifest,
    private readonly store: SiteStore,
    private readonly handlerFor: (functionKey: string) => AppHandler,
    private readonly siteUrl: () => string,
  ) {}

  byKey(key: string): UiModule {
    const m = this.manifest.uiModules.find((x) => x.key === key);
    if (!m) throw new HostError(404, `No UI module '${key}' in manifest.yml`);
    return m;
  }

  /**
   * The Jira-shaped extension context Forge gives a module, for the frame and for the resolver. It only
   * resolves keys to ids: it checks no permission, because a context sent from the browser is not a security
   * boundary. The resolvers must (and do) re-check as the user.
   */
  private extensionContext(module: UiModule, target: ModuleTarget): Record<string, unknown> {
    const site = this.store.data;
    if (module.type === 'jira:projectPage' || module.type === 'jira:projectSettingsPage') {
      const project = site.projects.find((p) => p.key === target.projectKey);
      if (!project) return { type: module.type, project: { key: target.projectKey ?? '', type: 'software' } };
      return { type: module.type, project: { id: project.id, key: project.key, type: 'software' } };
    }
    const issue = site.issues.find((i) => i.key === target.issueKey);
    if (!issue) return { type: module.type, issue: { key: target.issueKey ?? '' } };
    const project = site.projects.find((p) => p.id === issue.projectId)!;
    const type = site.issueTypes.find((t) => t.id === issue.issueTypeId)!;
    return {
      type: module.type,
      issue: { id: issue.id, key: issue.key, type: type.name, typeId: type.id },
      project: { id: project.id, key: project.key, type: 'software' },
      ...(module.type === 'jira:issueContext' ? {} : { isNewToIssue: false }),
    };
  }

  /** What Forge gives both the frame (getContext) and the resolver (`context`) for a module. */
  context(module: UiModule, target: ModuleTarget): Record<string, unknown> {
    return {
      cloudId: this.store.data.cloudId,
      siteUrl: this.siteUrl(),
      moduleKey: module.key,
      localId: `${module.key}-${target.issueKey ?? target.projectKey ?? ''}`,
      environmentId: OFFLINE_ENVIRONMENT_ID,
      environmentType: 'DEVELOPMENT',
      extension: this.extensionContext(module, target),
    };
  }

  /** The frame also learns who is looking, in which locale and theme. */
  frameContext(module: UiModule, target: ModuleTarget, viewer: Viewer): Record<string, unknown> {
    return {
      ...this.context(module, target),
      accountId: viewer.user.accountId,
      locale: 'en-GB',
      timezone: viewer.user.timeZone,
      theme: { colorMode: viewer.colorMode },
    };
  }

  /** Calls a module's resolver exactly as the bridge does. */
  async invoke(request: BridgeInvokeRequest, accountId: string): Promise<unknown> {
    const module = this.byKey(request.moduleKey);
    if (!module.resolverFunction) throw new HostError(400, `Module '${module.key}' has no resolver`);
    if (typeof request.functionKey !== 'string') throw new HostError(400, 'functionKey must be a string');
    const handler = this.handlerFor(module.resolverFunction);
    const context = this.context(module, request.context);
    return runInvocation({ moduleKey: module.key, accountId }, () =>
      handler(
        { call: { functionKey: request.functionKey, payload: request.payload }, context },
        { principal: { accountId }, installContext: `ari:cloud:jira::site/${this.store.data.cloudId}` },
      ),
    );
  }
}
