import { makeResolver } from '@forge/resolver';
import { exportReleaseTrain, releaseTrainView } from '../../application/portfolio/release-train';
import { forbidden } from '../../application/shared/errors';
import { listTrainReleases } from '../../application/release-train/list-train-releases';
import { asUserReleaseTrainDeps, asUserTrainReleasesDeps } from '../../composition';
import type { ReleaseTrainDefs } from '../../shared/contract/release-train';
import { portfolioExportPayloadSchema, portfolioScopePayloadSchema, portfolioViewPayloadSchema } from '../../shared/payloads/portfolio';
import { accountIdFrom } from './support/context';
import { parsePayload, respond } from './support/envelope';
import { toPortfolioViewDto } from './support/portfolio-mappers';
import { explainRow } from './support/portfolio-explain';

/**
 * The global page ("Planning readiness: release train"): the readiness view across every project the user
 * can browse. The same contract as the project page's view, so the same UI serves both; snapshots, the trend
 * and baselines are per project, so the train answers none. It also lists the releases to scope it by.
 */
export const globalPageResolver = makeResolver<ReleaseTrainDefs>({
  'train.releases': ({ context }) =>
    respond('train.releases', async () => {
      accountIdFrom(context);
      return listTrainReleases(asUserTrainReleasesDeps());
    }),
  'portfolio.snapshot': ({ payload, context }) =>
    respond('portfolio.snapshot', () => {
      accountIdFrom(context);
      parsePayload(portfolioScopePayloadSchema, payload);
      return Promise.resolve(null);
    }),
  'portfolio.view': ({ payload, context }) =>
    respond('portfolio.view', async () => {
      accountIdFrom(context);
      // The train offers no edits, whatever `withAccess` asks (the page sends it until it knows).
      const { scope } = parsePayload(portfolioViewPayloadSchema, payload);
      return toPortfolioViewDto(await releaseTrainView(asUserReleaseTrainDeps(), scope));
    }),
  'portfolio.commit': ({ context }) =>
    respond('portfolio.commit', () => {
      accountIdFrom(context);
      return Promise.reject(forbidden("A plan is committed per project: use Commit the plan on the project's Planning readiness page."));
    }),
  'portfolio.export': ({ payload, context }) =>
    respond('portfolio.export', async () => {
      accountIdFrom(context);
      const { scope, format } = parsePayload(portfolioExportPayloadSchema, payload);
      return exportReleaseTrain(asUserReleaseTrainDeps(), scope, format);
    }),
  'portfolio.explain': (request) => explainRow(request),
});
