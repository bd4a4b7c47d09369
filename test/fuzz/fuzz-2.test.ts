// Mutation fuzzing of the generator, shard 2 of 2 (the loop and what it asserts: fuzz-run.ts).
import { fuzzShard } from './fuzz-run.js';

fuzzShard(1, 2);
