import { mappingFor, type DependencySettings, type MappedLinkType } from './settings';

/**
 * An issue link as Jira shows it in an issue's `issuelinks`: the other issue is on the inward side ("this
 * issue <inward description> other") or the outward side ("this issue <outward description> other").
 */
export interface IssueLinkView {
  id: string;
  typeName: string;
  /** Which description this issue reads for the other one. */
  otherSide: 'inward' | 'outward';
  otherId: string;
  otherKey: string;
}

/** A dependency link seen from one issue: it either needs the other issue, or the other issue needs it. */
export interface DependencyLink {
  linkId: string;
  typeName: string;
  dependentId: string;
  providerId: string;
}

/**
 * The dependency links among an issue's links. In the issue's `issuelinks`, an entry with `inwardIssue`
 * means "this issue <inward description> that issue": with Blocks, "is blocked by", so this issue depends
 * on it when the dependent reads the inward description.
 *
 * @example
 * dependencyLinks('1', [{ id: '7', typeName: 'Blocks', otherSide: 'inward', otherId: '2', otherKey: 'PAY-2' }], DEFAULT_DEPENDENCY_SETTINGS)
 * // => [{ linkId: '7', typeName: 'Blocks', dependentId: '1', providerId: '2' }]
 */
export function dependencyLinks(issueId: string, links: IssueLinkView[], settings: DependencySettings): DependencyLink[] {
  return links.flatMap((l) => {
    const mapping = mappingFor(settings, l.typeName);
    if (!mapping) return [];
    const thisDepends = l.otherSide === mapping.dependentReads;
    return [{ linkId: l.id, typeName: l.typeName, dependentId: thisDepends ? issueId : l.otherId, providerId: thisDepends ? l.otherId : issueId }];
  });
}

/**
 * Which issue goes in the `inwardIssue` and `outwardIssue` of POST /rest/api/3/issueLink so that the
 * dependent reads the mapped description. Jira's REST names are the reverse of what each issue shows:
 * `inwardIssue` is the one whose OUTWARD description applies ("PAY-1 blocks PAY-3" is
 * `{ inwardIssue: PAY-1, outwardIssue: PAY-3 }`).
 */
export function linkRequestSides(mapping: MappedLinkType, dependent: string, provider: string): { inwardIssue: string; outwardIssue: string } {
  return mapping.dependentReads === 'inward' ? { inwardIssue: provider, outwardIssue: dependent } : { inwardIssue: dependent, outwardIssue: provider };
}
