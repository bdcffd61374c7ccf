import { route } from '@forge/api';
import { z } from 'zod';
import type { ProjectVersionReader, ProjectVersionsRead } from '../../../application/release-train/ports';
import type { ProjectVersion } from '../../../domain/release-train/train-releases';
import { mapWithConcurrency } from '../../../shared/pool';
import type { JiraClient } from '../jira-client';

/**
 * The release train reads the versions of the first 50 projects the user can browse (one page of
 * project/search, then one versions call per project, 10 in flight, as the portfolio's bulkfetch): Jira has no site-wide list of versions.
 */
const MAX_PROJECTS = 50;
const IN_FLIGHT = 10;

const projectsSchema = z.object({ values: z.array(z.object({ key: z.string() }).loose()), isLast: z.boolean().optional() }).loose();
const versionsSchema = z.array(
  z
    .object({
      name: z.string(),
      releaseDate: z.string().nullish(),
      released: z.boolean().optional(),
      archived: z.boolean().optional(),
    })
    .loose(),
);

/**
 * ProjectVersionReader over `GET /rest/api/3/project/search` and `GET /rest/api/3/project/{key}/versions`, as
 * the user: Jira lists only the projects they can browse. A project whose versions cannot be read is named
 * in a warning; the others are still offered.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-project-versions/#api-rest-api-3-project-projectidorkey-versions-get
 */
export class JiraProjectVersions implements ProjectVersionReader {
  constructor(private readonly jira: JiraClient) {}

  async visibleVersions(): Promise<ProjectVersionsRead> {
    const page = projectsSchema.parse((await this.jira.json<unknown>(route`/rest/api/3/project/search?maxResults=${MAX_PROJECTS}&orderBy=key`)) ?? { values: [] });
    const keys = page.values.map((p) => p.key);
    const failed: string[] = [];
    const perProject = await mapWithConcurrency(keys, IN_FLIGHT, async (projectKey): Promise<ProjectVersion[]> => {
      try {
        const versions = versionsSchema.parse((await this.jira.json<unknown>(route`/rest/api/3/project/${projectKey}/versions`)) ?? []);
        return versions.map((v) => ({ projectKey, name: v.name, releaseDate: v.releaseDate ?? null, released: v.released === true, archived: v.archived === true }));
      } catch {
        failed.push(projectKey);
        return [];
      }
    });
    const warnings = [
      ...(failed.length > 0 ? [`The releases of ${failed.sort().join(', ')} could not be read from Jira: type a release's name to use it.`] : []),
      ...(page.isLast === false ? [`Releases are listed for the first ${MAX_PROJECTS} projects you can browse: type another release's name to use it.`] : []),
    ];
    return { versions: perProject.flat(), warnings };
  }
}
