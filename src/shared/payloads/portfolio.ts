import { z } from 'zod';
import { ISSUE_KEY } from './escalations';
import { MAX_SCOPE_JQL_CHARS, MAX_SCOPE_NAME_CHARS, MAX_SCOPE_VALUES } from '../../shared/portfolio/scope-rules';

/** The scope of a readiness view, validated with the domain's limits (the page runs scopeProblem too). */
const scopeName = z.string().trim().min(1).max(MAX_SCOPE_NAME_CHARS);
export const portfolioScopeSchema = z
  .object({
    release: scopeName.nullable(),
    issueTypes: z.array(scopeName).max(MAX_SCOPE_VALUES),
    statuses: z.array(scopeName).max(MAX_SCOPE_VALUES),
    // Absent from pages loaded before the team scope existed: no team clause.
    teams: z.array(scopeName).max(MAX_SCOPE_VALUES).default([]),
    jql: z.string().max(MAX_SCOPE_JQL_CHARS).nullable(),
  })
  .strict();

export const portfolioScopePayloadSchema = z.object({ scope: portfolioScopeSchema }).strict();
export const portfolioViewPayloadSchema = z.object({ scope: portfolioScopeSchema, withAccess: z.boolean().default(true) }).strict();
export const portfolioExportPayloadSchema = z.object({ scope: portfolioScopeSchema, format: z.enum(['csv', 'markdown']) }).strict();
/** One row of the table whose reasons are explained (expanded). */
export const portfolioExplainPayloadSchema = z.object({ issueKey: z.string().regex(ISSUE_KEY, 'is not an issue key') }).strict();
