#!/usr/bin/env node
// @ts-check
/**
 * A drop-in for Prisma's native `schema-engine` binary, backed by
 * `@prisma/schema-engine-wasm` and a driver adapter.
 *
 * Prisma's CLI downloads the native engine from its binary host the first time
 * it needs it. Offline and air-gapped machines cannot, so `prisma.config.ts`
 * points `PRISMA_SCHEMA_ENGINE_BINARY` here when the native engine is absent.
 * The CLI then spawns this file exactly as it would the binary:
 *
 *   schema-engine --datamodels <file>... --datasource '{"url":…}'   JSON-RPC on stdio
 *   schema-engine --datasource '{"url":…}' cli can-connect-to-database
 *   schema-engine --datasource '{"url":…}' cli create-database
 */
import { readFile, mkdir, access } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { databaseEngineOf, databaseUrlFrom, sqliteFileOf } from '../../lib/db/database-url.mjs';

const require = createRequire(import.meta.url);

/** @typedef {{ url: string, shadowDatabaseUrl?: string }} Datasource */
/** @typedef {{ datamodels: string[], datasource: Datasource | undefined, command: string | undefined }} EngineArgs */

/**
 * @param {string[]} argv
 * @returns {EngineArgs}
 */
export function parseEngineArgs(argv) {
  /** @type {EngineArgs} */
  const args = { datamodels: [], datasource: undefined, command: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? '';
    if (arg === '--datamodels') args.datamodels.push(value());
    else if (arg === '--datasource') args.datasource = JSON.parse(value());
    else if (arg === '--enabled-preview-features' || arg === '--extension-types') i++;
    else if (arg === 'cli') args.command = value();
    else if (arg === '--version' || arg === '-V') args.command = 'version';
  }
  return args;
}

/** @param {string} url */
export function engineOf(url) {
  try {
    return databaseEngineOf(url);
  } catch (error) {
    throw new EngineError('P1013', error instanceof Error ? error.message : String(error));
  }
}

/**
 * Resolves a `file:` URL the way the native engine does: relative to its working directory.
 * @param {string} url
 */
export function sqlitePathOf(url) {
  return decodeURIComponent(sqliteFileOf(databaseUrlFrom(url, process.cwd())));
}

class EngineError extends Error {
  /** @param {string} code  @param {string} message */
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/**
 * PostgreSQL reports its internal one-byte `"char"` type (OID 18) in the
 * catalog queries the engine runs, and `@prisma/adapter-pg` cannot map it.
 * Presenting it as `text` (OID 25) is exactly what the values are. The patch
 * is process-wide on purpose: this process only runs the schema engine, and
 * the adapter opens its own pools for shadow databases.
 */
let catalogTypesPatched = false;
async function presentCharColumnsAsText() {
  if (catalogTypesPatched) return;
  catalogTypesPatched = true;
  const pg = (await import('pg')).default;
  const CHAR_OID = 18;
  const TEXT_OID = 25;
  const query = pg.Pool.prototype.query;
  /** @this {import('pg').Pool} @param {any[]} args */
  function queryPresentingCharAsText(...args) {
    /** @type {any} */
    const result = /** @type {Function} */ (query).apply(this, args);
    if (typeof args[args.length - 1] === 'function' || !result || typeof result.then !== 'function') return result;
    return result.then((/** @type {any} */ value) => {
      for (const field of value?.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
      return value;
    });
  }
  // eslint-disable-next-line @typescript-eslint/ban-ts-comment -- the file is not type-checked; the comment documents the override
  // @ts-ignore -- same call signatures as the original
  pg.Pool.prototype.query = queryPresentingCharAsText;
}

/**
 * Errors raised inside the driver adapter reach the engine as
 * "External error id#N"; the bound factory's registry holds the original.
 * @type {{ consumeError(id: number): { error: unknown } | undefined } | undefined}
 */
let adapterErrors;

/** @param {string} message */
function withAdapterErrors(message) {
  return message.replace(/External error id#(\d+)/g, (text, id) => {
    const entry = adapterErrors?.consumeError(Number(id));
    if (!entry) return text;
    const { error } = entry;
    return `Database error: ${describeAdapterError(error)}`;
  });
}

/** @param {unknown} error */
function describeAdapterError(error) {
  if (!(error instanceof Error)) return typeof error === 'object' ? JSON.stringify(error) : String(error);
  const cause = /** @type {{ cause?: unknown }} */ (error).cause;
  const detail = cause && typeof cause === 'object' ? ` ${JSON.stringify(cause)}` : '';
  return `${error.message}${detail}`;
}

/** @param {Datasource} datasource */
async function createAdapterFactory(datasource) {
  const { bindMigrationAwareSqlAdapterFactory } = await import('@prisma/driver-adapter-utils');
  if (engineOf(datasource.url) === 'sqlite') {
    const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3');
    const path = sqlitePathOf(datasource.url);
    if (path !== ':memory:') await mkdir(dirname(path), { recursive: true });
    return remember(bindMigrationAwareSqlAdapterFactory(acceptingScripts(new PrismaBetterSqlite3({ url: path }))));
  }
  await presentCharColumnsAsText();
  const { PrismaPg } = await import('@prisma/adapter-pg');
  const { parseIntoClientConfig } = await import('pg-connection-string');
  const config = parseIntoClientConfig(datasource.url);
  const factory = new PrismaPg({ ...config, max: 4 });
  // The adapter's own shadow database handling derives the shadow pool from a
  // connection string that wins over its `database` override (so migrations
  // would replay into the real database), and drops the shadow database while
  // its own pool still holds it open. Do both steps here instead.
  const connectToShadowDb = datasource.shadowDatabaseUrl
    ? () => new PrismaPg({ ...parseIntoClientConfig(datasource.shadowDatabaseUrl ?? ''), max: 2 }).connect()
    : () => connectToTemporaryShadowDatabase(PrismaPg, config);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => runningWholeScripts(await connect());
  factory.connectToShadowDb = async () => runningWholeScripts(await connectToShadowDb());
  return remember(bindMigrationAwareSqlAdapterFactory(factory));
}

/**
 * The WASM engine replays migration files into the shadow database as a single
 * raw statement, but a migration file is a script: better-sqlite3's `prepare`
 * refuses more than one statement. Parameterless scripts go through `exec`.
 * @template {{ connect(): Promise<any>, connectToShadowDb(): Promise<any> }} F
 * @param {F} factory
 * @returns {F}
 */
function acceptingScripts(factory) {
  const patch = async (/** @type {Promise<any>} */ connecting) => {
    const adapter = await connecting;
    for (const method of ['executeRaw', 'queryRaw']) {
      const original = adapter[method].bind(adapter);
      adapter[method] = async (/** @type {{ sql: string, args: unknown[] }} */ query) => {
        try {
          return await original(query);
        } catch (error) {
          const multiStatement = error instanceof RangeError || /more than one statement/.test(String(/** @type {any} */ (error)?.message));
          if (!multiStatement || query.args.length > 0) throw error;
          process.stderr.write(
            JSON.stringify({ level: 'DEBUG', fields: { message: `script via exec (${method})` }, target: 'shim' }) + '\n',
          );
          await adapter.executeScript(query.sql);
          return method === 'executeRaw' ? 0 : { columnNames: [], columnTypes: [], rows: [] };
        }
      };
    }
    return adapter;
  };
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  return Object.assign(factory, {
    connect: () => patch(connect()),
    connectToShadowDb: () => patch(connectToShadowDb()),
  });
}

/**
 * `@prisma/adapter-pg` runs a migration script by splitting it on every `;`,
 * which breaks dollar-quoted function bodies and string literals. PostgreSQL
 * takes a whole parameterless script in one simple-protocol query (as one
 * implicit transaction), so send it whole.
 * @template {{ underlyingDriver(): import('pg').Pool, executeScript(script: string): Promise<void> }} A
 * @param {A} adapter
 * @returns {A}
 */
function runningWholeScripts(adapter) {
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      /** @type {any} */ (adapter).onError(error);
    }
  };
  return adapter;
}

/**
 * @param {typeof import('@prisma/adapter-pg').PrismaPg} PrismaPg
 * @param {import('pg').ClientConfig} config
 */
async function connectToTemporaryShadowDatabase(PrismaPg, config) {
  const pg = (await import('pg')).default;
  const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll('-', '')}`;
  const administer = async (/** @type {string} */ sql) => {
    const client = new pg.Client(config);
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await administer(`CREATE DATABASE "${name}"`);
  const adapter = await new PrismaPg({ ...config, database: name, max: 2 }).connect();
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await administer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  };
  return adapter;
}

/** @template {{ errorRegistry: any }} F  @param {F} factory */
function remember(factory) {
  adapterErrors = factory.errorRegistry;
  return factory;
}

async function loadWasmEngine() {
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const packageDir = dirname(gluePath);
  const bindings = await import(gluePath);
  const bytes = await readFile(resolve(packageDir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bindings });
  bindings.__wbg_set_wasm(instance.exports);
  /** @type {any} */ (instance.exports).__wbindgen_start?.();
  return bindings;
}

/**
 * Rust panics arrive as an opaque `unreachable` trap; the engine reports the
 * panic text through this global first, so keep the last one for the error.
 */
const panics = { last: /** @type {string | undefined} */ (undefined) };
/** @type {any} */ (globalThis).PRISMA_WASM_PANIC_REGISTRY = {
  set_message(/** @type {string} */ message) {
    panics.last = message;
  },
};

/** @param {string} url */
function minimalDatamodel(url) {
  const provider = engineOf(url);
  return [['schema.prisma', `datasource db {\n  provider = "${provider}"\n}\n`]];
}

/** @param {EngineArgs} args */
async function createEngine(args) {
  if (!args.datasource?.url) throw new EngineError('P1012', 'No datasource URL was given to the schema engine.');
  const bindings = await loadWasmEngine();
  const datamodels = args.datamodels.length
    ? await Promise.all(args.datamodels.map(async (path) => [path, await readFile(path, 'utf8')]))
    : minimalDatamodel(args.datasource.url);
  const adapterFactory = await createAdapterFactory(args.datasource);
  const log = (/** @type {string} */ line) => process.stderr.write(line.endsWith('\n') ? line : line + '\n');
  const engine = await bindings.SchemaEngine.new({ datamodels }, log, adapterFactory);
  return { engine, bindings };
}

/**
 * Turns whatever the WASM engine threw into the JSON-RPC error shape the CLI
 * reads (`error.data.message`, `error.data.error_code`, `error.data.is_panic`).
 * @param {unknown} error
 */
export function toRpcError(error) {
  if (error instanceof EngineError) {
    return {
      code: 4466,
      message: 'An error happened.',
      data: { is_panic: false, message: error.message, error_code: error.code, meta: {} },
    };
  }
  if (error instanceof WebAssembly.RuntimeError || panics.last) {
    const message = panics.last ?? String(error);
    panics.last = undefined;
    return { code: 4466, message: 'The schema engine panicked.', data: { is_panic: true, message, error: { message }, meta: {} } };
  }
  const payload = parseEngineErrorPayload(error);
  return {
    code: 4466,
    message: 'An error happened.',
    data: { is_panic: false, message: payload.message, error_code: payload.error_code, meta: payload.meta ?? {} },
  };
}

/**
 * The WASM engine throws `Error`s named after their Rust kind, with the Prisma
 * error code in `code` (e.g. `P1014`) and sometimes details in `meta`.
 * @param {unknown} error
 */
function parseEngineErrorPayload(error) {
  const details = /** @type {{ code?: unknown, meta?: unknown }} */ (error ?? {});
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error);
  const message = withAdapterErrors(text);
  return {
    message,
    error_code: typeof details.code === 'string' ? details.code : undefined,
    meta: details.meta && typeof details.meta === 'object' ? details.meta : undefined,
  };
}

/** JSON-RPC server over stdio, one message per line. */
async function serve(/** @type {EngineArgs} */ args) {
  const { engine } = await createEngine(args);
  let nextOutgoingId = 1_000_000;
  /** @type {Map<number, () => void>} */
  const awaitingReplies = new Map();
  const send = (/** @type {object} */ message) => process.stdout.write(JSON.stringify(message) + '\n');

  /** The CLI prints what the engine asks it to, and acknowledges. */
  const print = (/** @type {string} */ content) =>
    new Promise((done) => {
      const id = nextOutgoingId++;
      awaitingReplies.set(id, () => done(undefined));
      send({ jsonrpc: '2.0', id, method: 'print', params: { content } });
    });

  /** @param {string} method @param {any} params */
  async function call(method, params) {
    switch (method) {
      case 'getDatabaseVersion':
        return engine.version(params ?? undefined);
      case 'createDatabase':
        await createDatabase(params?.datasource?.tag === 'ConnectionString' ? params.datasource.url : args.datasource?.url);
        return { databaseName: '' };
      case 'diff': {
        const result = await engine.diff(params);
        if (typeof result?.stdout === 'string' && result.stdout.length > 0) await print(result.stdout);
        return { exitCode: result?.exitCode ?? 0 };
      }
      case 'devDiagnostic':
        try {
          return await engine.devDiagnostic(params);
        } catch (error) {
          // The native engine creates `_prisma_migrations` before diagnosing a
          // fresh database; the WASM engine expects it to exist already.
          if (toRpcError(error).data.error_code !== 'P1014') throw error;
          await engine.applyMigrations({ migrationsList: { ...params.migrationsList, migrationDirectories: [] }, filters: params.filters });
          return engine.devDiagnostic(params);
        }
      case 'evaluateDataLoss':
      case 'createMigration':
        try {
          return await engine[method](params);
        } catch (error) {
          // These commands replay the migration history through a cache that
          // only `devDiagnostic` fills with the adapter's shadow database; on
          // a miss the WASM engine wants a native shadow database it cannot
          // have. Fill the cache for this exact history, then ask again.
          if (!/shadow DB must be provided through an external factory/.test(String(error))) throw error;
          await engine.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters });
          return engine[method](params);
        }
      default:
        if (typeof engine[method] !== 'function') throw new EngineError('P1000', `The schema engine has no method "${method}".`);
        return engine[method](params);
    }
  }

  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let queue = Promise.resolve();
  for await (const line of lines) {
    if (!line.trim()) continue;
    const message = JSON.parse(line);
    if (message.method === undefined && awaitingReplies.has(message.id)) {
      awaitingReplies.get(message.id)?.();
      awaitingReplies.delete(message.id);
      continue;
    }
    // The engine handles one request at a time, like the native one; replies
    // to `print` must still get through while a request waits for them.
    queue = queue.then(async () => {
      try {
        send({ jsonrpc: '2.0', id: message.id, result: (await call(message.method, message.params)) ?? null });
      } catch (error) {
        send({ jsonrpc: '2.0', id: message.id, error: toRpcError(error) });
      }
    });
  }
  await queue;
}

/** @param {string | undefined} url */
async function canConnect(url) {
  if (!url) throw new EngineError('P1012', 'No datasource URL was given.');
  if (engineOf(url) === 'sqlite') {
    const path = sqlitePathOf(url);
    if (path === ':memory:') return;
    try {
      await access(path);
    } catch {
      throw new EngineError('P1003', `Database ${path} does not exist`);
    }
    return;
  }
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const code = /** @type {any} */ (error).code;
    if (code === '3D000')
      throw new EngineError('P1003', `Database \`${new URL(url).pathname.slice(1)}\` does not exist on the database server.`);
    throw new EngineError('P1001', `Can't reach database server: ${/** @type {Error} */ (error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** @param {string | undefined} url */
async function createDatabase(url) {
  if (!url) throw new EngineError('P1012', 'No datasource URL was given.');
  if (engineOf(url) === 'sqlite') {
    const path = sqlitePathOf(url);
    await mkdir(dirname(path), { recursive: true });
    const Database = require('better-sqlite3');
    new Database(path).close();
    return;
  }
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** @param {'INFO' | 'ERROR'} level @param {Record<string, unknown>} fields */
function writeLog(level, fields) {
  process.stderr.write(JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: 'schema_engine::logger' }) + '\n');
}

/** One-shot commands report errors as a JSON log line on stderr, like the native engine. */
async function runOneShot(/** @type {EngineArgs} */ args) {
  const url = args.datasource?.url;
  // The CLI skips the first stderr line (the native engine's start-up log).
  writeLog('INFO', { message: `Starting schema-engine-wasm CLI: ${args.command}` });
  try {
    if (args.command === 'can-connect-to-database') await canConnect(url);
    else if (args.command === 'create-database') await createDatabase(url);
    else throw new EngineError('P1000', `Unknown schema engine command "${args.command}".`);
  } catch (error) {
    const { data } = toRpcError(error);
    writeLog('ERROR', { message: data.message, error_code: data.error_code });
    process.exitCode = 1;
  }
}

export async function main() {
  const args = parseEngineArgs(process.argv.slice(2));
  if (args.command === 'version') {
    const bindings = await loadWasmEngine();
    process.stdout.write(`schema-engine-wasm ${bindings.version()}\n`);
  } else if (args.command) {
    await runOneShot(args);
  } else {
    await serve(args);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(
      JSON.stringify({ level: 'ERROR', fields: { message: String(error?.stack ?? error) }, target: 'schema_engine::logger' }) + '\n',
    );
    process.exit(1);
  });
}
