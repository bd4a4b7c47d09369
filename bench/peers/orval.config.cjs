// orval config for the benchmark: a fetch client (functions + types) in one file, no formatter.
// Input and output come from the environment so one file serves every spec (bench/gen.ts sets them).
// CommonJS on purpose: orval 7.13's config loader drops the default export of an .mjs file.
const input = process.env.BENCH_SPEC;
const output = process.env.BENCH_OUT;
if (!input || !output) throw new Error('BENCH_SPEC and BENCH_OUT must be set');

module.exports = {
  bench: {
    input: { target: input },
    output: { target: `${output}/client.ts`, client: 'fetch', mode: 'single' },
  },
};
