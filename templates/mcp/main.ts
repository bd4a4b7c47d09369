/**
 * The `bin` entry: read the environment, build the client, serve over stdio. Start-up problems
 * print one line naming the variable to fix (never its value) and exit with status 1; a missing
 * key is not one of them (the tools answer it, where the agent sees it).
 */
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { readStartupConfig, StartupError, type Environment, type StartupConfig } from './env.js';
import { createLogger, createRedactor, type Logger } from './log.js';
import { createToolServer, defaultMode } from './server.js';
import type { ApiClientLike, McpSettings, ToolDefinition } from './types.js';

/** What the generated client constructor receives. */
export interface ClientFactoryOptions {
  /** Absent only when the API needs no key and none is set. */
  apiKey?: string;
  region?: string;
  baseUrl?: string;
  logger: Logger;
  /**
   * No key is set: the client is only asked for operations that need none (the executor answers
   * the others), so it is built with `apiKey: null` (it would refuse the others itself).
   */
  keylessOnly?: boolean;
}

export interface ServerApp {
  settings: McpSettings;
  tools: readonly ToolDefinition[];
  createClient(options: ClientFactoryOptions): ApiClientLike;
}

export interface MainIO {
  env: Environment;
  argv: readonly string[];
  stdout(text: string): void;
  stderr(text: string): void;
}

function usage(app: ServerApp): string {
  const { env } = app.settings;
  return [
    `${app.settings.name} ${app.settings.version}: MCP server (stdio) for the ${app.settings.apiTitle}.`,
    '',
    'Configure it with environment variables only:',
    `  ${env.apiKey.join(' or ')}  API key (${app.settings.apiKeyOptional === true ? 'optional: no operation requires one' : 'without it the server starts, and operations that need one answer with an error naming this variable'})`,
    `  ${env.region}  region: ${app.settings.regions.join(', ')} (default ${app.settings.regions[0] ?? 'none'})`,
    `  ${env.baseUrl}  base URL instead of a region (a proxy or a local server)`,
    `  ${env.mode}  "static" (one tool per operation) or "dynamic" (search/describe/call)`,
    ...(env.log === undefined ? [] : [`  ${env.log}  log level on stderr: off, error, warn, info, debug`]),
    ...Object.entries(env.credentials ?? {}).map(([form, name]) => `  ${name}  key for the "${form}" auth form`),
    '',
  ].join('\n');
}

/** Returns an exit code for start-up failures; on success it keeps serving until stdin closes. */
export async function main(app: ServerApp, io: MainIO): Promise<number> {
  if (io.argv.includes('--help') || io.argv.includes('-h')) {
    io.stdout(`${usage(app)}\n`);
    return 0;
  }
  if (io.argv.includes('--version')) {
    io.stdout(`${app.settings.version}\n`);
    return 0;
  }
  if (io.argv.length > 0) {
    io.stderr(`${app.settings.name}: takes no arguments; configure it with environment variables (run with --help).\n`);
    return 2;
  }
  let config: StartupConfig;
  try {
    config = readStartupConfig(app.settings, io.env);
  } catch (error) {
    if (!(error instanceof StartupError)) throw error;
    io.stderr(`${app.settings.name}: ${error.message}\n`);
    return 1;
  }
  const redact = createRedactor([config.apiKey, ...Object.values(config.credentials ?? {})]);
  const logger = createLogger({ name: app.settings.name, level: config.logLevel, redact, write: io.stderr });
  const key = {
    ...(config.apiKey === undefined ? {} : { apiKey: config.apiKey }),
    ...(config.credentials === undefined ? {} : { credentials: config.credentials }),
  };
  let client: ApiClientLike;
  try {
    client = app.createClient({
      ...key,
      ...(config.missingKey === undefined ? {} : { keylessOnly: true }),
      logger,
      ...(config.region === undefined ? {} : { region: config.region }),
      ...(config.baseUrl === undefined ? {} : { baseUrl: config.baseUrl }),
    });
  } catch (error) {
    // The client checks the base URL; say which variable held it.
    const where = config.baseUrl === undefined ? '' : ` (check ${app.settings.env.baseUrl})`;
    io.stderr(
      redact(
        `${app.settings.name}: cannot create the API client${where}: ${error instanceof Error ? error.message : String(error)}\n`,
      ),
    );
    return 1;
  }
  if (config.region !== undefined && config.baseUrl !== undefined)
    logger.warn(`${app.settings.env.baseUrl} is set, so ${app.settings.env.region} is ignored`);
  const mode = config.mode ?? defaultMode(app.settings, app.tools);
  serveStdio(
    () =>
      createToolServer({
        settings: app.settings,
        tools: app.tools,
        client,
        ...key,
        mode,
        logger,
        ...(config.missingKey === undefined ? {} : { missingKey: config.missingKey }),
      }),
    {
      onerror: (error) => logger.error(`transport error: ${error.message}`),
    },
  );
  const target =
    config.baseUrl !== undefined
      ? app.settings.env.baseUrl
      : `region ${config.region ?? app.settings.regions[0] ?? 'default'}`;
  logger.info(
    `ready on stdio: ${mode === 'static' ? `${app.tools.length} tools` : 'dynamic mode (3 tools)'}, ${config.apiKeyVar === undefined ? (config.missingKey === undefined ? 'no API key' : `no API key (set ${config.missingKey.join(' or ')}; operations that need one answer MISSING_API_KEY)`) : `API key from ${config.apiKeyVar}`}${config.credentials === undefined ? '' : `, credentials for ${Object.keys(config.credentials).join(', ')}`}, ${target}`,
  );
  return 0;
}
