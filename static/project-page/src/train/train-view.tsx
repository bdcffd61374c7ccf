import { useEffect, useState, type ReactElement } from 'react';
import type { TrainReleaseDto } from '../../../../src/shared/contract/release-train';
import { EMPTY_SCOPE } from '../../../../src/shared/portfolio/scope-rules';
import { bridgeFailure, type AppError } from '../../../shared/api';
import { Loading } from '../../../shared/components';
import { ReadinessView } from '../readiness/readiness-view';
import { invokeTrain } from './api';

/** The releases to offer, and what keeps any of them from the list (a warning, or the call's error). */
export interface TrainReleaseChoices {
  releases: TrainReleaseDto[];
  notice: string | null;
}

/**
 * The release train (the global page): the Readiness view across every project the user can browse. It has
 * no project to take its choices from, so it lists the releases of those projects first and opens on the
 * next one due (the first unreleased); without any, it asks for a release or JQL.
 */
export function TrainView(): ReactElement {
  const [choices, setChoices] = useState<TrainReleaseChoices | null>(null);
  useEffect(() => {
    void invokeTrain('train.releases')
      .catch((e: unknown) => ({ ok: false as const, error: bridgeFailure(e) }))
      .then((r) => setChoices(r.ok ? { releases: r.data.releases, notice: r.data.warnings.join(' ') || null } : { releases: [], notice: noticeOf(r.error) }));
  }, []);
  if (!choices) return <Loading label="Loading the releases" />;
  const next = choices.releases.find((r) => !r.released) ?? null;
  return <ReadinessView projectKey="" initialScope={{ ...EMPTY_SCOPE, release: next?.name ?? null }} releaseChoices={choices} />;
}

function noticeOf(error: AppError): string {
  return `The releases could not be listed (${error.message}): type a release's name to use it.`;
}
