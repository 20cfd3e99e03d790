/**
 * One fast-check seed per test run, logged so a failing property can be replayed:
 * FC_SEED=<seed> npx jest test/core.
 */
const fromEnv = process.env.FC_SEED;
const seed = fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) : Date.now() % 2 ** 31;
let logged = false;

export function fcParams(numRuns = 200): { seed: number; numRuns: number } {
  if (!logged) {
    console.log(`fast-check seed: ${seed}`);
    logged = true;
  }
  return { seed, numRuns };
}
