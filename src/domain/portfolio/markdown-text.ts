/** Markdown special characters in user text are escaped, so a summary cannot restructure the pack. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+!|<>])/g, '\\$1').replace(/\r?\n/g, ' ');
}
