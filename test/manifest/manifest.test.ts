import { ProcessorBuilder, validate, ValidationTypes } from '@forge/manifest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../support/paths';

const MANIFEST = join(ROOT, 'manifest.yml');
const manifest = (): Record<string, unknown> => parse(readFileSync(MANIFEST, 'utf8')) as Record<string, unknown>;

describe('manifest.yml', () => {
  it('passes @forge/manifest FULL validation', async () => {
    const result = await validate(false, MANIFEST);
    expect(result.errors ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('passes PRODUCT_TRIGGER validation (trigger events have their scopes)', async () => {
    const result = await ProcessorBuilder.instance().withValidation(ValidationTypes.PRODUCT_TRIGGER).build().process(MANIFEST);
    expect(result.errors ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('shows the panels on Epic and Feature issues only, and runs on nodejs22.x', () => {
    const m = manifest() as { app: { runtime: { name: string } }; modules: Record<string, Array<{ displayConditions?: { issueType?: string[] } }>> };
    expect(m.app.runtime.name).toBe('nodejs22.x');
    for (const type of ['jira:issuePanel', 'jira:issueContext']) {
      expect(m.modules[type]?.[0]?.displayConditions?.issueType).toEqual(['Epic', 'Feature']);
    }
  });
});
