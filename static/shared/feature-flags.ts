/**
 * Atlaskit components ask `@atlaskit/platform-feature-flags` about rollout flags of Atlassian's own products
 * (e.g. `platform-dst-motion-lozenge-truncation-fix` in Lozenge). With no resolver registered they fall back
 * to Atlassian's Statsig client, which a Forge app never initialises, and each flag logs "An error has
 * occurred checking the feature gate" to the console. The app registers the resolver Jira, Confluence and
 * Bitbucket register for themselves, answering "off" for every flag: the components' stable behaviour, the
 * same as the fallback's answer after its error. See docs/atlaskit-feature-flags-and-cold-load.md.
 */
interface PlatformFeatureFlags {
  booleanResolver?: (flag: string) => boolean;
}

const KEY = '__PLATFORM_FEATURE_FLAGS__';

export function resolveAtlaskitFlagsOff(): void {
  const global = window as unknown as Record<typeof KEY, PlatformFeatureFlags | undefined>;
  global[KEY] = { ...global[KEY], booleanResolver: () => false };
}
