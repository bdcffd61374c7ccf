import { askSnapshotEarly } from './readiness/first-paint';

// main.tsx imports this first, so the first paint's call leaves before the page's other modules (Atlaskit,
// React DOM) are evaluated, and long before the theme, the user's locale and React's first render.
askSnapshotEarly();
