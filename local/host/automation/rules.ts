import { randomBytes, randomUUID } from 'node:crypto';
import type { JsonFile } from '../../json-file';

/**
 * Local Jira Automation rules: "when <trigger> [and the issue matches JQL] then <action>", with the user the
 * rule runs as, an audit log per rule, and the secret of the rule's incoming webhook. Rules are kept in a JSON
 * file beside the site's data (the audit log only in memory).
 */
export interface StoredRules {
  rules: Rule[];
}

export type RuleTrigger =
  | { kind: 'issue-created' }
  | { kind: 'issue-updated' }
  /** A changelog field changed, by the name Jira's changelog uses (`Flagged`, `priority`, `status`...). */
  | { kind: 'field-changed'; field: string }
  | { kind: 'issue-flagged' }
  | { kind: 'issue-transitioned'; toStatus: string | null }
  | { kind: 'issue-linked' }
  | { kind: 'incoming-webhook' };

export type RuleAction =
  /** One of the app's `action` modules offered by an `automation:actionProvider`; inputs may hold smart values. */
  | { kind: 'app-action'; actionKey: string; inputs: Record<string, string> }
  /** "Send web request", to a loopback URL only (the offline runtime reaches nothing else). */
  | { kind: 'web-request'; url: string; method: 'GET' | 'POST' | 'PUT'; body: string };

export interface Rule {
  id: string;
  name: string;
  enabled: boolean;
  /** The rule actor: actions run as this user. */
  actorAccountId: string;
  trigger: RuleTrigger;
  jql: string | null;
  action: RuleAction;
  webhookToken: string;
}

export type AuditStatus = 'SUCCESS' | 'NO_ACTIONS_PERFORMED' | 'FAILURE';

export interface AuditEntry {
  ruleId: string;
  at: string;
  issueKey: string | null;
  status: AuditStatus;
  message: string;
}

const AUDIT_KEPT = 200;

export class RuleBook {
  private readonly rules = new Map<string, Rule>();
  private readonly audit: AuditEntry[] = [];

  constructor(private readonly file: JsonFile<StoredRules> | null = null) {
    for (const rule of file?.load()?.rules ?? []) this.rules.set(rule.id, rule);
  }

  /** Writes the rules now (the site is closing). */
  flush(): void {
    this.file?.flush(this.snapshot());
  }

  private snapshot(): StoredRules {
    return { rules: this.list() };
  }

  private saved(): void {
    this.file?.changed(() => this.snapshot());
  }

  list(): Rule[] {
    return [...this.rules.values()];
  }

  get(id: string): Rule | undefined {
    return this.rules.get(id);
  }

  add(rule: Omit<Rule, 'id' | 'webhookToken'>): Rule {
    const created: Rule = { ...rule, id: randomUUID(), webhookToken: randomBytes(16).toString('hex') };
    this.rules.set(created.id, created);
    this.saved();
    return created;
  }

  setEnabled(id: string, enabled: boolean): Rule | undefined {
    const rule = this.rules.get(id);
    if (rule) {
      rule.enabled = enabled;
      this.saved();
    }
    return rule;
  }

  log(entry: AuditEntry): void {
    this.audit.push(entry);
    if (this.audit.length > AUDIT_KEPT) this.audit.splice(0, this.audit.length - AUDIT_KEPT);
  }

  /** The newest entries first, for one rule or all. */
  auditLog(ruleId?: string): AuditEntry[] {
    return this.audit.filter((e) => ruleId === undefined || e.ruleId === ruleId).reverse();
  }
}
