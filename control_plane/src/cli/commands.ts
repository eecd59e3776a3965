import { BILLING_COMMANDS } from './billing-commands.js';
import type { Command } from './command-kit.js';
import { OWNER_COMMANDS } from './owner-commands.js';
import { TENANT_COMMANDS } from './tenant-commands.js';

export { UsageError, type Command, type Flags } from './command-kit.js';

/** Every `voz` command, one group per file: a new group is one file and one line here. */
export const COMMANDS: readonly Command[] = [...TENANT_COMMANDS, ...OWNER_COMMANDS, ...BILLING_COMMANDS];
