import type { Agenda } from './agenda';
import type { ImpedimentCause } from './model';

export const CAUSE_LABELS: Record<ImpedimentCause, string> = {
  FLAGGED: 'Flagged',
  PRIORITY_HIGHEST: 'Priority raised to Highest',
  LABEL: 'Escalation label',
  BLOCKED_BY: 'Blocked by',
  ESCALATED: 'Escalated',
};

/** Markdown table cells: pipes and line breaks would break the row. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The agenda as Markdown for the meeting notes; `names` maps account ids to display names. */
export function agendaMarkdown(agenda: Agenda, title: string, names: ReadonlyMap<string, string>): string {
  const name = (id: string | null): string => (id === null ? 'unassigned' : (names.get(id) ?? id));
  const lines = [`# ${cell(title)}`, ''];
  lines.push('## Open impediments (oldest first)', '');
  if (agenda.impediments.length === 0) lines.push('None.');
  else {
    lines.push('| Item | Source | Cause | Age (working days) | SLA | Owner | Next step |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const a of agenda.impediments) {
      const i = a.impediment;
      const cause = `${CAUSE_LABELS[i.cause]}${i.detail ? `: ${i.detail}` : ''}`;
      const source = a.sourceSummary === null ? i.source.key : `${i.source.key} ${a.sourceSummary}`;
      lines.push(`| ${cell(`${a.item.key} ${a.item.summary}`)} | ${cell(source)} | ${cell(cause)} | ${a.ageWorkingDays} | ${a.slaBreached ? '**BREACHED**' : 'ok'} | ${cell(name(i.owner))} | ${cell(i.nextStep ?? '')} |`);
    }
  }
  lines.push('', '## Resolved since the last meeting', '');
  if (agenda.resolved.length === 0) lines.push('None.');
  for (const r of agenda.resolved) lines.push(`- ${cell(`${r.item.key}: ${r.impediment.source.key} ${CAUSE_LABELS[r.impediment.cause]}`)}, resolved in ${r.workingDaysToResolve} working days`);
  const section = (heading: string, rows: Agenda['lateDependencies'], what: (r: Agenda['lateDependencies'][number]) => string): void => {
    lines.push('', `## ${heading}`, '');
    if (rows.length === 0) lines.push('None.');
    for (const r of rows) lines.push(`- ${cell(`${r.key} ${r.summary}`)}: ${what(r)}`);
  };
  section('Late dependencies, new since the last meeting', agenda.lateDependencies, (r) => `${r.lateDependencies} late`);
  section('Critical risks, new since the last meeting', agenda.criticalRisks, () => 'critical risk open');
  return `${lines.join('\n')}\n`;
}
