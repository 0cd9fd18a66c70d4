import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

// libs/testing is the test harness (it builds consent the way users do, through the services); the rule is for code.
const files = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'libs'))]
  .filter((path) => !relative(ROOT, path).startsWith('libs/testing/'))
  .map((path) => ({
    path: relative(ROOT, path),
    text: readFileSync(path, 'utf8'),
  }));
const outsideVictims = (path: string) => !path.startsWith('src/modules/victims/');

/**
 * The victim register's boundary (issue "One work-item kernel", item 3): other modules reach identities and
 * consent only through VictimsService and IdentityDisclosureService, so every opening is decided and audited in
 * one place.
 */
describe('victims module boundary', () => {
  it('no file outside the victims module imports the identity vault', () => {
    const offenders = files.filter((file) => outsideVictims(file.path) && /victims\/identity-vault'/.test(file.text));
    expect(offenders.map((file) => file.path)).toEqual([]);
  });

  it('outside the victims module, the consent entity is named only to register it and to declare foreign keys', () => {
    const offenders = files.filter(
      (file) =>
        outsideVictims(file.path) &&
        /victims\/consent\.entity'/.test(file.text) &&
        file.path !== 'src/persistence/entities.ts' &&
        // An entity's @ManyToOne(() => ConsentEntity) is a foreign key in the schema, not a read of consent.
        !file.path.endsWith('.entity.ts'),
    );
    expect(offenders.map((file) => file.path)).toEqual([]);
  });

  it('only IdentityDisclosureService opens a sealed identity', () => {
    const openers = files.filter((file) => /vault\.open\(/.test(file.text)).map((file) => file.path);
    expect(openers).toEqual(['src/modules/victims/identity-disclosure.service.ts']);
  });
});
