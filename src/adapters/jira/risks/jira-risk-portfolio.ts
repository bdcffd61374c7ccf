import { route } from '@forge/api';
import { z } from 'zod';
import type { PortfolioScanner } from '../../../application/portfolio/ports';
import type { RiskPortfolioSource } from '../../../application/risks/ports';
import type { JiraClient } from '../jira-client';
import { CUSTOM_FIELD_TYPES, fieldListSchema } from '../jira-schemas';
import { RISK_REGISTER_PROPERTY } from './jira-risk-register-store';
import { readStoredRegister } from './stored-format';

const fieldsSchema = z
  .object({ summary: z.string().optional(), fixVersions: z.array(z.object({ name: z.string() }).loose()).nullish() })
  .loose();
const teamSchema = z.object({ name: z.string() }).loose().nullish();

/** The portfolio scan of risk registers: summary, releases and Team with each item's register property. */
export class JiraRiskPortfolioSource implements RiskPortfolioSource {
  constructor(private readonly jira: JiraClient, private readonly scanner: PortfolioScanner) {}

  /** The site's Team field (custom field ids differ per site), or null when it has none. */
  private async teamField(): Promise<string | null> {
    const fields = fieldListSchema.parse((await this.jira.json<unknown>(route`/rest/api/3/field`)) ?? []);
    return fields.find((f) => f.schema?.custom === CUSTOM_FIELD_TYPES.team)?.id ?? null;
  }

  async scan(jql: string): ReturnType<RiskPortfolioSource['scan']> {
    const team = await this.teamField();
    const result = await this.scanner.scan({ jql, fields: ['summary', 'fixVersions', ...(team ? [team] : [])], properties: [RISK_REGISTER_PROPERTY] });
    return {
      ...result,
      issues: result.issues.map((i) => {
        const f = fieldsSchema.parse(i.fields);
        const t = team ? teamSchema.safeParse(i.fields[team]) : null;
        return {
          id: i.id,
          key: i.key,
          summary: f.summary ?? i.key,
          team: t?.success ? (t.data?.name ?? null) : null,
          releases: (f.fixVersions ?? []).map((v) => v.name),
          register: i.properties[RISK_REGISTER_PROPERTY],
        };
      }),
    };
  }

  parse(raw: unknown): ReturnType<RiskPortfolioSource['parse']> {
    return readStoredRegister(raw);
  }
}
