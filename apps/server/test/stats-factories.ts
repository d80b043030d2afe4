/** Generated report lifecycles for the statistics tests (the demo history uses the same driver). */
export { distinctText, driveReport, rng, type Staff, type Step } from '../src/seed/report-lifecycle';
