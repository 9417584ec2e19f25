// Worker thread of a parallel synthetic-population run: writes one shard (parallel.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { type SynthOptions, writeSynthPopulation } from './emit.js';

const manifest = await writeSynthPopulation(workerData as SynthOptions);
parentPort?.postMessage(manifest);
