/**
 * Forge entry points: manifest.yml points every function at `index.<export>`. Only re-exports live here.
 */
// Resolvers for the Custom UI surfaces (issue panel, issue context, project page)
export { resolver } from './entry/resolvers';
