import { benchClient, createBenchEnv } from './support/bench-env';
import { digest } from './scenarios/digest';
void (async () => {
  const env = createBenchEnv('small');
  const db = await benchClient(env);
  await db.query('DELETE FROM digest_run');
  await db.end();
  console.log(await digest(env));
})();
