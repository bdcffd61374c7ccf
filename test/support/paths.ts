import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const OPENAPI_FILE = resolve(ROOT, '..', 'shared', 'jira-openapi', 'jira-platform-v3.json');

/** The Jira OpenAPI description lives beside the repo (../shared); tests that need it fail loudly without it. */
export function requireOpenApiFile(): string {
  if (!existsSync(OPENAPI_FILE)) {
    throw new Error(`Missing ${OPENAPI_FILE}: the Jira Cloud OpenAPI description must sit in ../shared/jira-openapi/ beside the repository.`);
  }
  return OPENAPI_FILE;
}
