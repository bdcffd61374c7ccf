import { sweepSlaBreaches } from '../../application/impediments/sla-sweep';
import { asAppEscalationDeps } from '../../composition';

/** Daily `scheduledTrigger`: re-escalates impediments open longer than their project's SLA (once a day each). */
export async function impedimentSlaSweep(): Promise<{ items: number; reEscalated: number }> {
  const { items, reEscalated, warnings } = await sweepSlaBreaches(asAppEscalationDeps());
  for (const w of warnings) console.warn(`[impediment-sla-sweep] ${w}`);
  console.info(`[impediment-sla-sweep] ${items} items with open impediments, ${reEscalated} re-escalated`);
  return { items, reEscalated };
}
