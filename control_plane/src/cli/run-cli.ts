import { parseArgs } from 'node:util';
import { AdminClient, CliError } from './admin-client.js';
import type { CliConfig } from './cli-config.js';
import { COMMANDS, UsageError, type Command, type Flags } from './commands.js';

export const DEFAULT_URL = 'http://127.0.0.1:3000';

export interface CliIo {
  config: CliConfig;
  out(text: string): void;
  err(text: string): void;
  /** The first line of stdin (for `--password-stdin`). */
  stdinLine(): Promise<string>;
}

const GLOBAL_OPTIONS = {
  url: { type: 'string', help: `the server (default ${DEFAULT_URL})` },
  json: { type: 'boolean', help: 'print the server’s JSON answer as it is' },
  help: { type: 'boolean', help: 'this text' },
} as const;

/**
 * `voz <group> <action> [--flags]` over the admin API. Exit codes: 0 done, 1 the server or the
 * network said no, 2 the command line is wrong. Never prints the admin token.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, second] = argv;
  const command = COMMANDS.find((c) => c.name === `${first} ${second}`) ?? COMMANDS.find((c) => c.name === first);
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  if (!command) {
    if (first === undefined || wantsHelp) {
      io.out(usage());
      return 0;
    }
    const actions = COMMANDS.filter((c) => c.name.startsWith(`${first} `)).map((c) => c.name.split(' ')[1]);
    io.err(`voz: ${actions.length ? `${first} needs one of: ${actions.join(', ')}` : `unknown command ${JSON.stringify(first)}`}\n\n${usage()}`);
    return 2;
  }
  if (wantsHelp) {
    io.out(usage(command));
    return 0;
  }
  const rest = argv.slice(command.name.split(' ').length);
  try {
    const flags = parseFlags(command, rest);
    const { req, extra } = await command.request(flags, io.stdinLine);
    const client = new AdminClient(typeof flags.url === 'string' ? flags.url : DEFAULT_URL, io.config.adminToken);
    const body = await client.send(req);
    if (flags.json) {
      const shown = body === undefined && !extra ? undefined : { ...(body as object | undefined), ...extra };
      if (shown !== undefined) io.out(JSON.stringify(shown, null, 2));
    } else {
      io.out(command.render(body, flags, extra));
    }
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`voz: ${err.message}\n\n${usage(command)}`);
      return 2;
    }
    if (err instanceof CliError) {
      io.err(`voz: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

function parseFlags(command: Command, args: string[]): Flags {
  const options = Object.fromEntries(
    Object.entries({ ...GLOBAL_OPTIONS, ...command.options }).map(([k, o]) => [k, { type: o.type, ...('multiple' in o && o.multiple ? { multiple: true } : {}) }]),
  );
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Flags;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function usage(command?: Command): string {
  if (command) {
    const opts = Object.entries({ ...command.options, ...GLOBAL_OPTIONS }).map(
      ([k, o]) => `  --${k}${o.type === 'string' ? ' <value>' : ''}${'multiple' in o && o.multiple ? ' (repeatable)' : ''}\n      ${o.help}`,
    );
    return `usage: npm run voz -- ${command.name} [options]\n${command.summary}\n\n${opts.join('\n')}`;
  }
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: npm run voz -- <command> [options]   (the admin API; token from VOZ_ADMIN_TOKEN)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `  --url <url>  the server (default ${DEFAULT_URL});  --json  print the JSON answer;  --help  a command's options`,
  ].join('\n');
}
