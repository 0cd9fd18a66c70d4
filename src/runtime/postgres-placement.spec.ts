import { relocatedClusterName } from './postgres-placement';

describe(relocatedClusterName.name, () => {
  it('names the folder after the project folder and the data folder, with a short hash of the path', () => {
    expect(relocatedClusterName('/root/simpul/.data/postgres')).toMatch(/^simpul-postgres-[0-9a-f]{8}$/);
    expect(relocatedClusterName('/root/simpul/.data/test-postgres')).toMatch(/^simpul-test-postgres-[0-9a-f]{8}$/);
  });

  it('gives the same checkout the same folder on every start', () => {
    expect(relocatedClusterName('/tmp/tmp.Ab12/simpul/.data/postgres')).toBe(
      relocatedClusterName('/tmp/tmp.Ab12/simpul/.data/postgres'),
    );
  });

  it("keeps the app's and the test command's clusters, and two checkouts with the same folder name, apart", () => {
    const names = new Set([
      relocatedClusterName('/tmp/tmp.Ab12/simpul/.data/postgres'),
      relocatedClusterName('/tmp/tmp.Ab12/simpul/.data/test-postgres'),
      relocatedClusterName('/tmp/tmp.Cd34/simpul/.data/postgres'),
      relocatedClusterName('/tmp/tmp.Cd34/simpul/.data/test-postgres'),
    ]);
    expect(names.size).toBe(4);
  });

  it('makes a plain folder name of any project folder name', () => {
    expect(relocatedClusterName('/home/ana/..Simpul (copy) 2/.data/postgres')).toMatch(
      /^Simpul-copy-2-postgres-[0-9a-f]{8}$/,
    );
  });
});
