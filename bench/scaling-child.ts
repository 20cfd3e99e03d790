/**
 * Run by bench/functions.bench.ts in a child node whose NODE_OPTIONS lack the tuned young
 * generation: the shipped and plain paths at 10k and 100k rows, as JSON on stdout.
 */
import { measure } from './functions.bench';

process.stdout.write(JSON.stringify(measure(false)));
