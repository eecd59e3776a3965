#!/usr/bin/env node
import { createInterface } from 'node:readline';
import { cliConfigFromEnv } from './cli-config.js';
import { runCli } from './run-cli.js';

/** `npm run voz -- <command>`: the entry point; everything testable lives in run-cli.ts. */
async function firstStdinLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

process.exitCode = await runCli(process.argv.slice(2), {
  config: cliConfigFromEnv(),
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  stdinLine: firstStdinLine,
});
