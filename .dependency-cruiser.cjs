/**
 * The layers of Simpul, checked on every lint (npm run lint:layers): arrows point one way, and there are no cycles.
 *
 *   libs (deadlines, crypto, mailer)    pure libraries: never import src/
 *   src/kernel                          the bottom layer: roles, ids, clock, domain exception, event catalogue
 *   infrastructure                      config, common, database, graphql, queue, auth, runtime, health
 *   domain                              src/workflow (the work-item kernel) and src/modules/<domain>
 *   entry points                        main, worker, app/worker modules, bootstrap, cli, seeds, and
 *                                       src/persistence (the DataSource, which lists every module's entities)
 *
 * libs/testing is the test harness: it may import anything, and nothing in src/ imports it.
 * See docs/architecture.md.
 */
const INFRASTRUCTURE = '^src/(config|common|database|graphql|queue|auth|runtime|health|observability)/';
const DOMAIN = '^src/(workflow|modules)/';
const ENTRY = '^src/(main|worker|app\\.module|worker\\.module)\\.ts$|^src/(bootstrap|cli|seeds|persistence)/';
const WORK_ITEM_MODULES = '^src/modules/(tasks|referrals|cross-border)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: two files that each need the other cannot be read, tested or moved apart.',
      from: { path: '^(src|libs)/' },
      to: { circular: true },
    },
    {
      name: 'libs-never-import-src',
      severity: 'error',
      comment: 'libs/ are plain libraries (deadlines, crypto, mail templates): they receive data, never reach into src/.',
      from: { path: '^libs/', pathNot: '^libs/testing/' },
      to: { path: '^src/' },
    },
    {
      name: 'kernel-imports-nothing-above',
      severity: 'error',
      comment: 'src/kernel is the bottom layer: it may use libs and packages, nothing else of src/.',
      from: { path: '^src/kernel/' },
      to: { path: '^src/', pathNot: '^src/kernel/' },
    },
    {
      name: 'infrastructure-below-domain',
      severity: 'error',
      comment:
        'Infrastructure (config, database, graphql, queue, auth, runtime, health) serves the domain; it must not know it.',
      from: { path: INFRASTRUCTURE },
      to: { path: [DOMAIN, ENTRY] },
    },
    {
      name: 'domain-below-entry-points',
      severity: 'error',
      comment: 'Domain modules and the work-item kernel never import entry points (main, worker, bootstrap, cli, seeds).',
      from: { path: DOMAIN },
      to: { path: ENTRY },
    },
    {
      name: 'workflow-knows-no-kind',
      severity: 'error',
      comment:
        'The work-item kernel works for every kind by its declaration; it never imports a kind (tasks, referrals, cross-border).',
      from: { path: '^src/workflow/' },
      to: { path: WORK_ITEM_MODULES },
    },
    {
      name: 'only-tests-use-the-harness',
      severity: 'error',
      comment: 'libs/testing is the test harness; production code never imports it.',
      from: { path: '^(src|libs)/', pathNot: ['^libs/testing/', '\\.spec\\.ts$'] },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'victim-identity-stays-in-victims',
      severity: 'error',
      comment:
        'Only the victims module opens identities and reads consent (IdentityDisclosureService, VictimsService): every opening is decided and audited there.',
      from: { path: '^src/', pathNot: ['^src/modules/victims/', '^src/persistence/entities\\.ts$', '\\.entity\\.ts$'] },
      to: { path: '^src/modules/victims/(identity-vault|consent\\.entity)\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^node_modules/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
