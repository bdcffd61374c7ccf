import { z } from 'zod';

/**
 * Schemas of what the Dependencies tab may send. Types and bounds are checked here; the domain's rules
 * (lengths, dates, transitions, sides) answer with field-specific messages after that.
 */
const text = z.string().max(10_000, 'is far too long');
const milestone = z.object({ date: z.string().max(10), release: z.string().max(255).nullable() }).strict();
const dependencyId = z.string().min(1).max(64);
const accountId = z.string().min(1).max(128).nullable();
const issueKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,9}-[1-9][0-9]{0,9}$/, 'is not an issue key');
const hops = z.number().int().min(1).max(3).optional();
const linkType = z.string().min(1).max(255);

export const dependencyOperationSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('add'),
      target: z.discriminatedUnion('kind', [z.object({ kind: z.literal('team'), team: text }).strict(), z.object({ kind: z.literal('external'), party: text }).strict()]),
      description: text,
      neededBy: milestone.nullable(),
      ownerAccountId: accountId,
    })
    .strict(),
  z.object({ type: z.literal('edit'), dependencyId, baseRev: z.number().int().nonnegative(), description: text, neededBy: milestone.nullable(), ownerAccountId: accountId }).strict(),
  z.object({ type: z.literal('request'), dependencyId }).strict(),
  z.object({ type: z.literal('commit'), dependencyId, committedBy: milestone }).strict(),
  z.object({ type: z.literal('deliver'), dependencyId }).strict(),
  z.object({ type: z.literal('decline'), dependencyId, reason: text }).strict(),
  z.object({ type: z.literal('remove'), dependencyId }).strict(),
  z.object({ type: z.literal('linkIssue'), dependencyId, issueKey, linkType }).strict(),
]);

export const changeDependencyPayloadSchema = z.object({ operation: dependencyOperationSchema, hops }).strict();
export const dependencyViewPayloadSchema = z.object({ hops }).strict();
export const addIssueDependencyPayloadSchema = z
  .object({ providerKey: issueKey, linkType, description: text, neededBy: milestone.nullable(), ownerAccountId: accountId, request: z.boolean(), hops })
  .strict();
export const dependencySearchPayloadSchema = z.object({ query: z.string().trim().min(1).max(100) }).strict();

export const dependencySettingsPayloadSchema = z
  .object({ linkTypes: z.array(z.object({ name: linkType, dependentReads: z.enum(['inward', 'outward']) }).strict()).max(20) })
  .strict();
