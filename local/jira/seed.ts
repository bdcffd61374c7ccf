import type {
  Adf,
  ProjectRole,
  SiteData,
  StoredIssue,
  StoredLink,
  StoredProject,
  StoredUser,
  StoredVersion,
} from './model';
import { demoDate } from './demo-dates';

/**
 * The demo program: an Agile Release Train of three teams working across two Jira projects towards the
 * "2027.1" release. Deterministic, so tests and screenshots are stable.
 *
 * Hierarchy (as configured in Plans on a SAFe site): Epic (level 2) > Feature (level 1) > Story (level 0).
 */

export { DEMO_USERS } from './seed-users';
import { DEMO_USERS } from './seed-users';
import { addIssue as addStoredIssue, draftIssue } from './issue-builder';

const ENGINEERS: Array<{ email: string; name: string }> = [
  { email: 'priya@demo.test', name: 'Priya Natarajan' },
  { email: 'marco@demo.test', name: 'Marco Rossi' },
  { email: 'chen@demo.test', name: 'Chen Wei' },
  { email: 'fatima@demo.test', name: 'Fatima Haddad' },
  { email: 'jonas@demo.test', name: 'Jonas Berg' },
  { email: 'amara@demo.test', name: 'Amara Okafor' },
];

const TEAMS = [
  { id: '6a1f3c9e-1111-4c2a-9f00-000000000001', name: 'Atlas' },
  { id: '6a1f3c9e-2222-4c2a-9f00-000000000002', name: 'Borealis' },
  { id: '6a1f3c9e-3333-4c2a-9f00-000000000003', name: 'Cobalt' },
];

/** Small deterministic PRNG (mulberry32) so the seed is the same on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function adfText(...paragraphs: string[]): Adf {
  return {
    type: 'doc',
    version: 1,
    content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

interface EpicPlan {
  summary: string;
  features: Array<{ summary: string; stories: string[] }>;
}

const PAY_EPICS: EpicPlan[] = [
  {
    summary: 'Instant payments on the new ledger',
    features: [
      { summary: 'Ledger posting service', stories: ['Define posting API contract', 'Idempotent posting endpoint', 'Double-entry validation rules', 'Posting latency dashboard'] },
      { summary: 'Real-time balance projection', stories: ['Balance read model', 'Replay from event log', 'Balance API for mobile', 'Load test balance queries'] },
      { summary: 'Instant payment scheme adapter', stories: ['Scheme message mapping', 'Certificate rotation', 'Scheme sandbox end-to-end test', 'Reject code handling'] },
    ],
  },
  {
    summary: 'Strong customer authentication refresh',
    features: [
      { summary: 'Passkey enrolment', stories: ['WebAuthn registration flow', 'Recovery codes', 'Enrolment analytics', 'Accessibility review of enrolment'] },
      { summary: 'Risk-based step-up', stories: ['Risk score integration', 'Step-up challenge UI', 'Exemption rules engine', 'Fraud team reporting'] },
      { summary: 'Legacy OTP retirement', stories: ['Usage telemetry for OTP', 'Customer comms plan', 'Fallback path for old devices', 'Remove OTP service'] },
    ],
  },
  {
    summary: 'Merchant onboarding self-service',
    features: [
      { summary: 'KYB document capture', stories: ['Document upload API', 'Virus scanning pipeline', 'Retention policy job', 'Reviewer queue'] },
      { summary: 'Onboarding status tracker', stories: ['Status timeline component', 'Email notifications', 'Webhook for partners', 'SLA breach alerts'] },
      { summary: 'Pricing plan selection', stories: ['Plan catalogue service', 'Plan comparison page', 'Contract PDF generation', 'Billing handover'] },
    ],
  },
  {
    summary: 'Card tokenisation for wallets',
    features: [
      { summary: 'Token service provider integration', stories: ['TSP sandbox credentials', 'Provisioning API', 'Token lifecycle events', 'HSM key ceremony'] },
      { summary: 'Wallet push provisioning', stories: ['iOS push provisioning', 'Android push provisioning', 'Provisioning error UX', 'Provisioning metrics'] },
      { summary: 'Token-aware authorisation', stories: ['Detokenisation in auth path', 'Auth latency budget test', 'Token status cache', 'Chargeback mapping'] },
    ],
  },
  {
    summary: 'Payments observability',
    features: [
      { summary: 'Distributed tracing rollout', stories: ['Trace context propagation', 'Sampling policy', 'Trace storage sizing', 'Runbook updates'] },
      { summary: 'Payment SLO alerting', stories: ['Define payment SLOs', 'Burn-rate alerts', 'On-call escalation policy', 'SLO review cadence'] },
      { summary: 'Audit log export', stories: ['Audit event schema', 'Export to SIEM', 'Export access controls', 'Audit export soak test'] },
    ],
  },
];

const DATA_EPICS: EpicPlan[] = [
  {
    summary: 'Streaming ingestion platform',
    features: [
      { summary: 'Managed Kafka clusters', stories: ['Cluster sizing model', 'Terraform modules for clusters', 'Topic governance rules', 'Broker upgrade runbook'] },
      { summary: 'Change data capture from core ledger', stories: ['CDC connector spike', 'Schema registry setup', 'Backfill strategy', 'CDC lag monitoring'] },
      { summary: 'Ingestion self-service portal', stories: ['Topic request form', 'Approval workflow', 'Quota enforcement', 'Portal usage metrics'] },
    ],
  },
  {
    summary: 'Customer 360 data product',
    features: [
      { summary: 'Identity resolution', stories: ['Matching rules', 'Golden record store', 'Merge audit trail', 'Match quality report'] },
      { summary: 'Customer 360 API', stories: ['GraphQL schema', 'Field-level access control', 'Caching layer', 'Consumer onboarding guide'] },
      { summary: 'Consent propagation', stories: ['Consent event model', 'Propagation to marketing', 'Right-to-erasure job', 'Consent reconciliation'] },
    ],
  },
  {
    summary: 'Fraud feature store',
    features: [
      { summary: 'Online feature serving', stories: ['Low-latency store choice', 'Feature registry', 'Point-in-time correctness', 'Serving SLO'] },
      { summary: 'Offline training datasets', stories: ['Dataset snapshots', 'Label joining', 'Data quality checks', 'Dataset catalogue entry'] },
      { summary: 'Model monitoring', stories: ['Drift metrics', 'Alerting on drift', 'Shadow scoring', 'Monitoring dashboard'] },
    ],
  },
  {
    summary: 'Regulatory reporting automation',
    features: [
      { summary: 'Report lineage', stories: ['Lineage capture', 'Lineage UI', 'Lineage for legacy jobs', 'Lineage coverage metric'] },
      { summary: 'Submission pipeline', stories: ['Regulator API client', 'Submission retries', 'Submission evidence store', 'Dry-run mode'] },
      { summary: 'Controls testing', stories: ['Control catalogue', 'Automated control tests', 'Exception workflow', 'Quarterly attestation'] },
    ],
  },
  {
    summary: 'Data platform cost controls',
    features: [
      { summary: 'Cost attribution by team', stories: ['Tagging policy', 'Cost export', 'Team cost dashboard', 'Anomaly alerts'] },
      { summary: 'Storage tiering', stories: ['Access pattern analysis', 'Tiering policy', 'Tiering job', 'Restore drill'] },
      { summary: 'Compute autoscaling', stories: ['Autoscaling spike', 'Scaling policies', 'Scale-in safety checks', 'Capacity review'] },
    ],
  },
];

const POINTS = [1, 2, 3, 5, 8, 13];

export function buildDemoSite(): SiteData {
  const rnd = prng(20270101);
  const users: StoredUser[] = [
    ...Object.values(DEMO_USERS).map((u) => ({
      accountId: u.accountId,
      emailAddress: u.email,
      displayName: u.name,
      timeZone: 'Europe/London',
      active: true,
    })),
    ...ENGINEERS.map((e, i) => ({
      accountId: `712020:0a1b2c3d-1${String(i).padStart(3, '0')}-4e5f-8a9b-00000000b${String(i).padStart(3, '0')}`,
      emailAddress: e.email,
      displayName: e.name,
      timeZone: 'Europe/Berlin',
      active: true,
    })),
  ];
  const engineerIds = users.slice(4).map((u) => u.accountId);

  const rolesFor = (includeOutsider: boolean): Record<string, ProjectRole> => {
    const roles: Record<string, ProjectRole> = {
      [DEMO_USERS.lead.accountId]: 'Administrators',
      [DEMO_USERS.architect.accountId]: 'Developers',
      [DEMO_USERS.viewer.accountId]: 'Viewers',
    };
    if (includeOutsider) roles[DEMO_USERS.outsider.accountId] = 'Developers';
    for (const id of engineerIds) roles[id] = 'Developers';
    return roles;
  };

  const projects: StoredProject[] = [
    { id: '10000', key: 'PAY', name: 'Payments Modernisation', leadAccountId: DEMO_USERS.lead.accountId, roles: rolesFor(true) },
    { id: '10001', key: 'DATA', name: 'Data Platform', leadAccountId: DEMO_USERS.lead.accountId, roles: rolesFor(false) },
  ];

  const versions: StoredVersion[] = projects.flatMap((p, i) => [
    { id: String(10100 + i * 10), projectId: p.id, name: '2026.4', description: 'Q4 2026 release', startDate: demoDate('2026-10-01'), releaseDate: demoDate('2026-12-18'), released: false, archived: false },
    { id: String(10101 + i * 10), projectId: p.id, name: '2027.1', description: 'PI 2027.1: planned in the January Big Room', startDate: demoDate('2027-01-11'), releaseDate: demoDate('2027-03-26'), released: false, archived: false },
    { id: String(10102 + i * 10), projectId: p.id, name: '2027.2', description: 'PI 2027.2', startDate: demoDate('2027-04-05'), releaseDate: demoDate('2027-06-25'), released: false, archived: false },
  ]);

  const site: SiteData = {
    schemaVersion: 1,
    siteUrl: 'http://localhost:8080',
    cloudId: 'a5f1c2d3-0000-4000-8000-5eed0000c10d',
    users,
    projects,
    issueTypes: [
      { id: '10000', name: 'Epic', description: 'A large initiative spanning several features and teams.', hierarchyLevel: 2, subtask: false },
      { id: '10001', name: 'Feature', description: 'A service that fulfils a stakeholder need, sized for one release.', hierarchyLevel: 1, subtask: false },
      { id: '10002', name: 'Story', description: 'A small piece of user value a team delivers in a sprint.', hierarchyLevel: 0, subtask: false },
      { id: '10003', name: 'Bug', description: 'A problem that impairs or prevents the functions of the product.', hierarchyLevel: 0, subtask: false },
      { id: '10004', name: 'Sub-task', description: 'A piece of work within a story.', hierarchyLevel: -1, subtask: true },
    ],
    statuses: [
      { id: '10000', name: 'To Do', categoryKey: 'new' },
      { id: '3', name: 'In Progress', categoryKey: 'indeterminate' },
      { id: '10001', name: 'In Review', categoryKey: 'indeterminate' },
      { id: '10002', name: 'Done', categoryKey: 'done' },
    ],
    priorities: [
      { id: '1', name: 'Highest' },
      { id: '2', name: 'High' },
      { id: '3', name: 'Medium' },
      { id: '4', name: 'Low' },
      { id: '5', name: 'Lowest' },
    ],
    versions,
    teams: TEAMS,
    issues: [],
    linkTypes: [
      { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
      { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
      { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
      { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
    ],
    links: [],
    counters: { issue: 10000, link: 10000, comment: 10000, version: 10200, project: { PAY: 0, DATA: 0 } },
  };

  let minute = 0;
  const stamp = (): string => new Date(Date.UTC(2026, 9, 1, 9, 0) + (minute++) * 60_000 * 17).toISOString().replace('Z', '+0000');

  const addIssue = (fields: Partial<StoredIssue> & Pick<StoredIssue, 'projectId' | 'issueTypeId' | 'summary'>): StoredIssue =>
    addStoredIssue(site, draftIssue(site, { reporterAccountId: DEMO_USERS.lead.accountId, created: stamp(), ...fields }));

  const features: StoredIssue[] = [];
  const plans: Array<[StoredProject, EpicPlan[]]> = [
    [projects[0]!, PAY_EPICS],
    [projects[1]!, DATA_EPICS],
  ];
  for (const [project, epics] of plans) {
    const projectVersions = versions.filter((v) => v.projectId === project.id);
    epics.forEach((epicPlan, epicIndex) => {
      const epic = addIssue({
        projectId: project.id,
        issueTypeId: '10000',
        summary: epicPlan.summary,
        statusId: epicIndex < 2 ? '3' : '10000',
        priorityId: epicIndex === 0 ? '2' : '3',
        assigneeAccountId: epicIndex % 2 === 0 ? DEMO_USERS.lead.accountId : DEMO_USERS.architect.accountId,
        description: adfText(`${epicPlan.summary}: business outcome and scope for the ${project.name} train.`),
        fixVersionIds: [projectVersions[1]!.id],
        labels: ['pi-2027-1'],
      });
      epicPlan.features.forEach((featurePlan, featureIndex) => {
        const team = TEAMS[(epicIndex + featureIndex) % TEAMS.length]!;
        const featureStatus = epicIndex === 0 && featureIndex === 0 ? '3' : epicIndex === 4 && featureIndex === 2 ? '10002' : '10000';
        const feature = addIssue({
          projectId: project.id,
          issueTypeId: '10001',
          summary: featurePlan.summary,
          parentId: epic.id,
          statusId: featureStatus,
          teamId: team.id,
          assigneeAccountId: engineerIds[(epicIndex * 3 + featureIndex) % engineerIds.length]!,
          fixVersionIds: [projectVersions[featureStatus === '10002' ? 0 : 1]!.id],
          labels: featureIndex === 2 && epicIndex % 2 === 1 ? ['enabler'] : [],
          description: adfText(`Deliver ${featurePlan.summary.toLowerCase()} as part of "${epicPlan.summary}".`),
          duedate: featureStatus === '10002' ? demoDate('2026-12-11') : demoDate('2027-03-12'),
        });
        features.push(feature);
        featurePlan.stories.forEach((storySummary, storyIndex) => {
          const done = featureStatus === '10002' || (featureStatus === '3' && storyIndex < 2);
          const inProgress = !done && featureStatus === '3' && storyIndex === 2;
          // About one story in six is not estimated yet: realistic for work still being refined.
          const estimated = rnd() > 0.17;
          addIssue({
            projectId: project.id,
            issueTypeId: storyIndex === 3 && rnd() > 0.7 ? '10003' : '10002',
            summary: storySummary,
            parentId: feature.id,
            teamId: team.id,
            statusId: done ? '10002' : inProgress ? '3' : '10000',
            storyPoints: estimated ? POINTS[Math.floor(rnd() * POINTS.length)]! : null,
            assigneeAccountId: rnd() > 0.3 ? engineerIds[Math.floor(rnd() * engineerIds.length)]! : null,
            labels: storySummary.toLowerCase().includes('spike') ? ['spike', 'enabler'] : [],
            fixVersionIds: feature.fixVersionIds,
          });
        });
      });
    });
  }

  // Cross-team (and cross-project) dependencies between features: "A blocks B".
  const byKey = (key: string): StoredIssue => site.issues.find((i) => i.key === key)!;
  const blocks: Array<[string, string]> = [];
  const featureKeys = features.map((f) => f.key);
  for (let i = 0; i < features.length; i += 3) {
    const from = features[i]!;
    const to = features[(i + 7) % features.length]!;
    if (from.teamId !== to.teamId) blocks.push([from.key, to.key]);
  }
  blocks.push([featureKeys[15]!, featureKeys[0]!]); // DATA CDC feature blocks PAY ledger posting
  const blocksType = site.linkTypes[0]!;
  for (const [from, to] of blocks) {
    site.counters.link += 1;
    const link: StoredLink = { id: String(site.counters.link), typeId: blocksType.id, inwardIssueId: byKey(from).id, outwardIssueId: byKey(to).id };
    site.links.push(link);
  }
  site.counters.link += 1;
  site.links.push({ id: String(site.counters.link), typeId: '10003', inwardIssueId: features[4]!.id, outwardIssueId: features[20]!.id });

  // A few escalated impediments: flagged work items with a comment saying why.
  const flaggedKeys = [features[1]!.key, features[16]!.key, 'PAY-4', 'DATA-9'];
  for (const key of flaggedKeys) {
    const issue = byKey(key);
    issue.flagged = true;
    site.counters.comment += 1;
    issue.comments.push({
      id: String(site.counters.comment),
      authorAccountId: issue.assigneeAccountId ?? DEMO_USERS.lead.accountId,
      body: adfText('Flag added: waiting on an environment from the shared infrastructure team.'),
      created: issue.created,
      updated: issue.created,
    });
  }
  return site;
}
