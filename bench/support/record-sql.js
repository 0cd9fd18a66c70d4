// Preloaded (`node -r`) into an API process of the work-queue benchmark: appends every SQL statement TypeORM
// sends, with its parameters, to the file named in BENCH_SQL_LOG (one JSON object per line). The benchmark
// turns the statements of one `myWorkQueue` request into the pgbench script, so pgbench replays exactly the
// SQL the resolver issues. Plain JavaScript because it loads before the compiled app.
'use strict';
const { appendFileSync } = require('node:fs');
const { PostgresQueryRunner } = require('typeorm/driver/postgres/PostgresQueryRunner');

const file = process.env.BENCH_SQL_LOG;
if (file) {
  const original = PostgresQueryRunner.prototype.query;
  PostgresQueryRunner.prototype.query = function recordQuery(query, parameters, ...rest) {
    appendFileSync(file, JSON.stringify({ query, parameters: parameters ?? [] }) + '\n');
    return original.call(this, query, parameters, ...rest);
  };
}
