/** The CLI's only reader of the environment: the admin token, never taken from a flag (shell history). */
export interface CliConfig {
  adminToken: string | undefined;
}

export function cliConfigFromEnv(env: NodeJS.ProcessEnv = process.env): CliConfig {
  return Object.freeze({ adminToken: env.VOZ_ADMIN_TOKEN?.trim() || undefined });
}
