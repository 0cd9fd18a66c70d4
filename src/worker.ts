import 'reflect-metadata';

import { run } from './bootstrap/run';

/** Entry point of the worker role (`npm run start:worker`). */
void run('worker', process.env);
