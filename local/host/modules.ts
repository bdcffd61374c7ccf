import { hasProjectPermission } from '../jira/permissions';
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

/** @forge/resolver's error for a function key it does not define. */
const RESOLVER_HAS_NO_DEFINITION = (functionKey: string): string => `Resolver has no definition for '${functionKey}'.`;
const unknownFunction = (functionKey: string): HostError => new HostError(404, `The resolver has no function '${functionKey}'.`);

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
   * Refuses (404, as Jira answers) a module for an issue or project the user cannot browse, and a project
   * settings page to a non-administrator (a global page is for everyone): Jira would not render the module there, so the host neither
   * renders its frame nor runs its resolver. A missing and a hidden issue get the same answer.
   */
  assertVisible(module: UiModule, target: ModuleTarget, accountId: string): void {
    const site = this.store.data;
    const principal = { kind: 'user', accountId } as const;
    // A global page is in every signed-in user's Apps menu: what it shows is the resolver's to filter.
    if (module.type === 'jira:globalPage') return;
    if (module.type === 'jira:projectPage' || module.type === 'jira:projectSettingsPage') {
      const project = site.projects.find((p) => p.key === target.projectKey);
      const needs = module.type === 'jira:projectPage' ? 'BROWSE_PROJECTS' : 'ADMINISTER_PROJECTS';
      if (!project || !hasProjectPermission(principal, project, needs)) throw new HostError(404, `Project ${target.projectKey ?? ''} does not exist or you do not have permission to see it.`);
      return;
    }
    const issue = site.issues.find((i) => i.key === target.issueKey);
    const project = issue && site.projects.find((p) => p.id === issue.projectId);
    if (!project || !hasProjectPermission(principal, project, 'BROWSE_PROJECTS')) {
      throw new HostError(404, `Issue ${target.issueKey ?? ''} does not exist or you do not have permission to see it.`);
    }
  }

  /**
   * The Jira-shaped extension context Forge gives a module, for the frame and for the resolver. It only
   * resolves keys to ids: it checks no permission, because a context sent from the browser is not a security
   * boundary. The resolvers must (and do) re-check as the user.
   */
  private extensionContext(module: UiModule, target: ModuleTarget): Record<string, unknown> {
    const site = this.store.data;
    // Jira's global page has no project or issue: the app must find its own scope.
    if (module.type === 'jira:globalPage') return { type: module.type };
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

  /**
   * Calls a module's resolver as Forge does. The bridge route checks first that the user may see the module
   * (assertVisible); this method does not, so tests can reach the resolvers' own permission checks.
   */
  async invoke(request: BridgeInvokeRequest, accountId: string): Promise<unknown> {
    const module = this.byKey(request.moduleKey);
    if (!module.resolverFunction) throw new HostError(400, `Module '${module.key}' has no resolver`);
    const { functionKey } = request;
    // @forge/resolver looks keys up with `in` on a plain object, so `constructor` or `valueOf` would run
    // Object's own methods: such a key is unknown here, before the app sees it.
    if (functionKey in Object.prototype) throw unknownFunction(functionKey);
    const handler = this.handlerFor(module.resolverFunction);
    const context = this.context(module, request.context);
    try {
      return await runInvocation({ moduleKey: module.key, accountId }, () =>
        handler(
          { call: { functionKey, payload: request.payload }, context },
          { principal: { accountId }, installContext: `ari:cloud:jira::site/${this.store.data.cloudId}` },
        ),
      );
    } catch (e) {
      if (e instanceof Error && e.message === RESOLVER_HAS_NO_DEFINITION(functionKey)) throw unknownFunction(functionKey);
      throw e;
    }
  }
}
