import { importCycles, importsOf, sourceFiles } from '@libs/testing/import-graph';

/** Layers point one way (ARCHITECTURE.md): libs/ never imports src/, and the mail templates import no cycle. */
describe('libs/ import boundaries', () => {
  it.each(['libs/mailer', 'libs/deadlines', 'libs/crypto'])('%s imports nothing from src/', (dir) => {
    const wrong = sourceFiles(dir).flatMap((file) =>
      importsOf(file)
        .filter((specifier) => specifier.startsWith('@app/') || /^(\.\.\/)+src\//.test(specifier))
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(wrong).toEqual([]);
  });

  it('libs/mailer has no import cycle', () => {
    expect(importCycles(['libs/mailer']).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });
});
