import { token } from '@atlaskit/tokens';
import type { ReactElement } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { addGlobalStyle } from './global-style';
import { safeLinkUrl } from './safe-url';

/**
 * Markdown as Jira shows rich text: design tokens for colours (light and dark), code in the code font on
 * a neutral background, tables with borders. Scoped to `.pr-markdown` so nothing else in the app changes.
 */
addGlobalStyle(`
.pr-markdown { font: ${token('font.body')}; color: ${token('color.text')}; overflow-wrap: anywhere; }
.pr-markdown > :first-child { margin-top: 0; }
.pr-markdown > :last-child { margin-bottom: 0; }
.pr-markdown p, .pr-markdown ul, .pr-markdown ol, .pr-markdown pre, .pr-markdown table, .pr-markdown blockquote { margin: 0 0 ${token('space.100')}; }
.pr-markdown h1, .pr-markdown h2, .pr-markdown h3, .pr-markdown h4 { font: ${token('font.heading.xsmall')}; margin: ${token('space.150')} 0 ${token('space.075')}; color: ${token('color.text')}; }
.pr-markdown a { color: ${token('color.link')}; }
.pr-markdown code { font-family: ${token('font.family.code')}; font-size: 0.875em; background: ${token('color.background.neutral')}; border-radius: ${token('radius.small')}; padding: 0 ${token('space.050')}; }
.pr-markdown pre { background: ${token('color.background.neutral')}; border-radius: ${token('radius.small')}; padding: ${token('space.100')} ${token('space.150')}; overflow-x: auto; }
.pr-markdown pre code { background: none; padding: 0; white-space: pre; }
.pr-markdown table { border-collapse: collapse; }
.pr-markdown th, .pr-markdown td { border: 1px solid ${token('color.border')}; padding: ${token('space.050')} ${token('space.100')}; text-align: start; }
.pr-markdown th { background: ${token('color.background.neutral.subtle.hovered')}; font-weight: ${token('font.weight.semibold')}; }
.pr-markdown blockquote { border-inline-start: 2px solid ${token('color.border')}; padding-inline-start: ${token('space.150')}; color: ${token('color.text.subtle')}; }
.pr-markdown li.task-list-item { list-style: none; }
.pr-markdown ul.contains-task-list { padding-inline-start: ${token('space.200')}; }
`);

const components: Components = {
  // A link the URL rule dropped has no href: it shows as its text. Others leave the app's iframe.
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  // Images would load from anywhere the author chose; a link to the image says the same without loading it.
  img: ({ src, alt }) =>
    typeof src === 'string' && src ? (
      <a href={src} target="_blank" rel="noopener noreferrer">
        {alt || src}
      </a>
    ) : (
      <span>{alt}</span>
    ),
};

const urlTransform = (url: string): string | null => safeLinkUrl(url);

/**
 * User-written CommonMark with GFM tables, fenced code and task lists. Without rehype-raw, react-markdown
 * turns raw HTML back into text (skipHtml false keeps it visible): `List<Payment>` reads as typed and
 * `<img onerror>` is characters on screen, never an element.
 */
export default function MarkdownRenderer({ text, testId }: { text: string; testId?: string }): ReactElement {
  return (
    <div className="pr-markdown" data-testid={testId}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} urlTransform={urlTransform} skipHtml={false} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
