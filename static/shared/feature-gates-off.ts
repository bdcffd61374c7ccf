/**
 * Build-time stand-in for `@atlaskit/feature-gate-js-client/feature-gates`, Atlassian's Statsig client
 * (about 35 KB gzip in every app's first load). `@atlaskit/platform-feature-flags` only reaches it when no
 * flag resolver is registered, and `mount` registers one (feature-flags.ts) before the first render, so in
 * this app the client is never asked; if it were, it would answer "off", as the uninitialised client does.
 * scripts/build-static.mjs aliases the module to this file. See docs/atlaskit-feature-flags-and-cold-load.md.
 */
const FeatureGates = {
  checkGate: (_gate: string): boolean => false,
};

export default FeatureGates;
