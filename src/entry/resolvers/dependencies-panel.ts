import { addIssueDependency } from '../../application/dependencies/add-issue-dependency';
import { changeDependency } from '../../application/dependencies/change-dependency';
import { getDependencyView } from '../../application/dependencies/get-dependency-view';
import { linkTeamIssue } from '../../application/dependencies/link-team-issue';
import { ownerFor, toOperation } from '../../application/dependencies/operation-input';
import { asUserDeps } from '../../composition';
import {
  addIssueDependencyPayloadSchema,
  changeDependencyPayloadSchema,
  dependencySearchPayloadSchema,
  dependencyViewPayloadSchema,
} from '../../shared/payloads/dependencies';
import { issueKeyFrom } from './support/context';
import { toDependencyChangeDto, toDependencyViewDto } from './support/dependency-mappers';
import { parsePayload, respond } from './support/envelope';

/** The map shows this many hops around the issue unless the panel asks for more (at most 3). */
const DEFAULT_HOPS = 2;

interface Call {
  payload?: unknown;
  context: unknown;
}

/**
 * The Dependencies tab's resolver functions (`dependencies.*`), spread into the Planning panel's resolver.
 * The panel's issue comes from the context; every function acts as the user (see the use cases).
 */
export const dependencyPanelFunctions = {
  'dependencies.getView': ({ payload, context }: Call) =>
    respond('dependencies.getView', async () => {
      const hops = parsePayload(dependencyViewPayloadSchema, payload).hops ?? DEFAULT_HOPS;
      return toDependencyViewDto(await getDependencyView(asUserDeps(), issueKeyFrom(context), hops), hops);
    }),
  'dependencies.change': ({ payload, context }: Call) =>
    respond('dependencies.change', async () => {
      const request = parsePayload(changeDependencyPayloadSchema, payload);
      const hops = request.hops ?? DEFAULT_HOPS;
      const deps = asUserDeps();
      const op = request.operation;
      const result =
        op.type === 'linkIssue'
          ? await linkTeamIssue(deps, { issueKey: issueKeyFrom(context), dependencyId: op.dependencyId, providerKey: op.issueKey, linkType: op.linkType }, hops)
          : await changeDependency(deps, issueKeyFrom(context), await toOperation(deps.users, op), hops);
      return toDependencyChangeDto(result, hops);
    }),
  'dependencies.addIssue': ({ payload, context }: Call) =>
    respond('dependencies.addIssue', async () => {
      const { ownerAccountId, hops, ...request } = parsePayload(addIssueDependencyPayloadSchema, payload);
      const deps = asUserDeps();
      const result = await addIssueDependency(deps, { ...request, issueKey: issueKeyFrom(context), owner: await ownerFor(deps.users, ownerAccountId) }, hops ?? DEFAULT_HOPS);
      return toDependencyChangeDto(result, hops ?? DEFAULT_HOPS);
    }),
  'dependencies.searchIssues': ({ payload, context }: Call) =>
    respond('dependencies.searchIssues', () => asUserDeps().issuePicker.search(parsePayload(dependencySearchPayloadSchema, payload).query, issueKeyFrom(context))),
  'dependencies.searchPeople': ({ payload }: Call) =>
    respond('dependencies.searchPeople', () => asUserDeps().users.search(parsePayload(dependencySearchPayloadSchema, payload).query)),
};
