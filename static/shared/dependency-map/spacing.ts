import type { Spacing } from './layered-layout';

/** The size of a node on the map and the gaps between them, shared by both layouts and the renderer. */
export const SPACING: Spacing = { nodeWidth: 200, nodeHeight: 52, columnGap: 90, rowGap: 18 };
