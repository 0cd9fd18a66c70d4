import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { DatasetGenerator } from './dataset/generator';
import { coldStart } from './scenarios/cold-start';
import { deadlineStorm } from './scenarios/deadline-storm';
import { deidentifiedExport } from './scenarios/deidentified-export';
import { digest } from './scenarios/digest';
import { growthReading, growthResult } from './scenarios/growth';
import { statisticsBench } from './scenarios/statistics';
import { webConsole } from './scenarios/web-console';
import { workQueue } from './scenarios/work-queue';
import { clearRedis, createBenchEnv, prepareDatabase } from './support/bench-env';
import { CountingSmtpSink } from './support/counting-smtp-sink';
import { describeMachine } from './support/machine';
import { BenchResults, printTable } from './support/report';
import { parseScale } from './support/scale';
import { runMain } from './support/run-main';

/**
 * `npm run bench [-- --scale small]`: loads a national-scale dataset into its own database, runs the
 * benchmarks of issue 8 (F, the web console's, of issue 20; G, statistics, of issue 19) against the built app (API and worker processes from dist/), prints a table and writes
 * bench/results/<timestamp>.json. Goals are reported, never asserted.
 */
async function main(): Promise<void> {
  const scale = parseScale(process.argv.slice(2));
  const env = createBenchEnv(scale);
  const { sizes } = env;
  const startedAt = new Date();
  env.log(`Simpul benchmarks, ${scale} scale, database ${env.databaseName}, Redis prefix ${env.redisPrefix}`);

  await prepareDatabase(env);
  await clearRedis(env);
  const machine = await describeMachine(env);

  const generator = new DatasetGenerator(env);
  await generator.loadDirectory();
  await generator.loadTasks(sizes.growthFirstTasks);
  await generator.analyze();
  const dataset = generator.dataset();
  env.log(`D: first reading at ${sizes.growthFirstTasks} tasks`);
  const growthSmall = await growthReading(env, dataset, sizes.growthFirstTasks);

  await generator.loadTasks(sizes.tasks - sizes.growthFirstTasks);
  await generator.loadCaseload();
  await generator.analyze();
  const loaded = generator.dataset();
  env.log(`D: second reading at ${sizes.tasks} tasks`);
  const growth = growthResult(growthSmall, await growthReading(env, loaded, sizes.tasks));

  const workQueueResult = await workQueue(env, loaded);
  env.log('G: statistics');
  const statistics = await statisticsBench(env, loaded);
  env.log('C: weekly digest');
  const digestResult = await digest(env);
  env.log('B: deadline storm');
  const smtp = await CountingSmtpSink.start();
  const storm = await deadlineStorm(env, smtp).finally(() => smtp.stop());
  env.log('F: web console');
  const web = await webConsole(env, loaded);
  env.log('G: de-identified export');
  const exported = await deidentifiedExport(env);
  env.log('E: cold start');
  const cold = await coldStart(env);

  const results: BenchResults = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    scale,
    machine,
    dataset: { counts: loaded.counts, loadMs: loaded.loadMs },
    workQueue: workQueueResult,
    deadlineStorm: storm,
    digest: digestResult,
    growth,
    coldStart: cold,
    webConsole: web,
    statistics,
    deidentifiedExport: exported,
  };
  const directory = join(__dirname, 'results');
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  printTable(results);
  env.log(`Results written to ${file}`);
}

runMain(main);
