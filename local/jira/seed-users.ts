/** The demo site's people who sign in (README lists them). */
export const DEMO_USERS = {
  lead: { email: 'lead@demo.test', name: 'Lena Lead', accountId: '712020:0a1b2c3d-0001-4e5f-8a9b-00000000a001' },
  architect: { email: 'architect@demo.test', name: 'Arjun Architect', accountId: '712020:0a1b2c3d-0002-4e5f-8a9b-00000000a002' },
  viewer: { email: 'viewer@demo.test', name: 'Vera Viewer', accountId: '712020:0a1b2c3d-0003-4e5f-8a9b-00000000a003' },
  outsider: { email: 'outsider@demo.test', name: 'Oscar Outsider', accountId: '712020:0a1b2c3d-0004-4e5f-8a9b-00000000a004' },
} as const;
