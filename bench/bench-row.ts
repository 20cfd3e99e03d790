/** One line of the `npm run bench` table. Every bench/*.bench.ts exports `run(): Promise<BenchRow[]>`. */
export interface BenchRow {
  group: string;
  name: string;
  value: string;
  target?: string;
  note?: string;
}
