import { existsSync, readFileSync } from 'node:fs';

/**
 * Forge refuses a product call whose OAuth scope the manifest does not grant ("Unauthorized; scope does not
 * match"). The offline runtime does the same, reading each operation's `x-atlassian-oauth2-scopes` from
 * Atlassian's OpenAPI description: a call is allowed when the granted scopes cover one documented set
 * (classic or granular).
 */
interface OperationScopes {
  method: string;
  pattern: RegExp;
  template: string;
  scopeSets: string[][];
}

export class ScopeIndex {
  private constructor(private readonly operations: OperationScopes[]) {}

  static fromOpenApi(file: string): ScopeIndex {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as {
      paths: Record<string, Record<string, { 'x-atlassian-oauth2-scopes'?: Array<{ scopes: string[] }> }>>;
    };
    const operations: OperationScopes[] = [];
    for (const [template, methods] of Object.entries(doc.paths)) {
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}/?$`);
      for (const [method, op] of Object.entries(methods)) {
        const sets = (op['x-atlassian-oauth2-scopes'] ?? []).map((s) => s.scopes);
        operations.push({ method: method.toUpperCase(), pattern, template, scopeSets: sets });
      }
    }
    // Literal paths first, so /issue/bulkfetch wins over /issue/{issueIdOrKey}.
    operations.sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
    return new ScopeIndex(operations);
  }

  /** The Jira OpenAPI file beside the repository (../shared), if present. */
  static fromSharedIfPresent(file: string): ScopeIndex | null {
    return existsSync(file) ? ScopeIndex.fromOpenApi(file) : null;
  }

  /** The documented scope sets for a call, or null when the call is not a documented operation. */
  required(method: string, path: string): { template: string; scopeSets: string[][] } | null {
    const clean = path.split('?')[0]!;
    const op = this.operations.find((o) => o.method === method.toUpperCase() && o.pattern.test(clean));
    return op ? { template: op.template, scopeSets: op.scopeSets } : null;
  }

  /** Null when allowed; otherwise why not. */
  check(method: string, path: string, granted: readonly string[]): string | null {
    const req = this.required(method, path);
    if (!req) return `${method} ${path.split('?')[0]} is not a documented Jira Cloud REST operation`;
    if (req.scopeSets.length === 0) return null;
    const ok = req.scopeSets.some((set) => set.every((s) => granted.includes(s)));
    return ok ? null : `${method} ${req.template} needs one of [${req.scopeSets.map((s) => s.join(' + ')).join('] or [')}]; manifest.yml grants [${granted.join(', ')}]`;
  }
}
