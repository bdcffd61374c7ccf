import { MAX_TRAIN_RELEASES, trainReleases, type ProjectVersion } from '../../../src/domain/release-train/train-releases';

const version = (projectKey: string, name: string, releaseDate: string | null, flags: { released?: boolean; archived?: boolean } = {}): ProjectVersion => ({
  projectKey,
  name,
  releaseDate,
  released: flags.released ?? false,
  archived: flags.archived ?? false,
});

describe("the release train's releases", () => {
  it('merges one release across projects by name, with the earliest date and every project', () => {
    const [release] = trainReleases([version('PAY', '2027.1', '2027-03-26'), version('DATA', '2027.1', '2027-03-19')]);
    expect(release).toEqual({ name: '2027.1', releaseDate: '2027-03-19', released: false, projectKeys: ['DATA', 'PAY'] });
  });

  it('puts the unreleased first, soonest first and undated last, then the released, latest first; archived ones are left out', () => {
    const names = trainReleases([
      version('PAY', 'old', '2025-06-01', { released: true }),
      version('PAY', 'later', '2027-06-25'),
      version('PAY', 'someday', null),
      version('PAY', 'recent', '2026-09-01', { released: true }),
      version('PAY', 'next', '2026-12-18'),
      version('PAY', 'gone', '2026-12-01', { archived: true }),
    ]).map((r) => r.name);
    expect(names).toEqual(['next', 'later', 'someday', 'recent', 'old']);
  });

  it('counts a release as released only when every project that has it released it', () => {
    const [release] = trainReleases([version('PAY', '2026.4', '2026-12-18', { released: true }), version('DATA', '2026.4', '2026-12-18')]);
    expect(release!.released).toBe(false);
  });

  it(`offers at most ${MAX_TRAIN_RELEASES} releases`, () => {
    const many = Array.from({ length: MAX_TRAIN_RELEASES + 5 }, (_, i) => version('PAY', `r${i}`, null));
    expect(trainReleases(many)).toHaveLength(MAX_TRAIN_RELEASES);
  });
});
