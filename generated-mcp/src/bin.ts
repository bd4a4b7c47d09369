#!/usr/bin/env node
// Generated from Not AI Public API by notai-codegen. Do not edit.
import { APP } from './app.js';
import { main } from './runtime/main.js';

process.exitCode = await main(APP, {
  env: process.env,
  argv: process.argv.slice(2),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
