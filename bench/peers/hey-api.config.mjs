// @hey-api/openapi-ts config for the benchmark: SDK functions + types + the bundled fetch client.
// Input and output come from the environment so one file serves every spec (bench/gen.ts sets them).
const input = process.env.BENCH_SPEC;
const output = process.env.BENCH_OUT;
if (!input || !output) throw new Error('BENCH_SPEC and BENCH_OUT must be set');

export default {
  input,
  output: { path: output },
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
  logs: { file: false },
};
