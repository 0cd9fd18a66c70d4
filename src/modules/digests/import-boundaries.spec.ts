import { importCycles } from '@libs/testing/import-graph';

describe('src/modules/digests imports', () => {
  it('has no import cycle, within the module or through another one', () => {
    expect(importCycles(['src/modules/digests']).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });
});
