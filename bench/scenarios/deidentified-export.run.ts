import { DatasetGenerator } from '../dataset/generator';
import { clearRedis, createBenchEnv, prepareDatabase } from '../support/bench-env';
import { parseScale } from '../support/scale';
import { runMain } from '../support/run-main';
import { deidentifiedExport } from './deidentified-export';

/**
 * Benchmark G on its own: loads the directory and the caseload (people, referrals, requests) of the scale asked for
 * into its own database, then runs the de-identified export. Needs a current `dist/` (`npm run build`).
 *
 *   ts-node -r tsconfig-paths/register --transpile-only bench/scenarios/deidentified-export.run.ts --scale small
 */
async function main(): Promise<void> {
  const scale = parseScale(process.argv.slice(2));
  const env = createBenchEnv(scale);
  await prepareDatabase(env);
  await clearRedis(env);
  const generator = new DatasetGenerator(env);
  await generator.loadDirectory();
  await generator.loadTasks(env.sizes.growthFirstTasks);
  await generator.loadCaseload();
  await generator.analyze();
  env.log(`G alone on ${env.databaseName}`);
  process.stdout.write(`${JSON.stringify(await deidentifiedExport(env), null, 2)}\n`);
}

runMain(main);
