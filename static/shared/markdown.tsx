import { lazy, Suspense, type ReactElement } from 'react';

/** The Markdown renderer and its parser load in their own chunk, after the panel's first paint. */
const MarkdownRenderer = lazy(() => import('./markdown-renderer'));

/** Renders user-written Markdown; until the renderer has loaded, the text shows as typed. */
export function Markdown({ text, testId }: { text: string; testId?: string }): ReactElement {
  return (
    <Suspense fallback={<div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</div>}>
      <MarkdownRenderer text={text} testId={testId} />
    </Suspense>
  );
}
