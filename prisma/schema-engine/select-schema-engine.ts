/**
 * Chooses the schema engine the Prisma CLI runs: the native binary when
 * Prisma has it on this machine, otherwise this project's WASM-backed
 * engine. prisma.config.ts calls this before the CLI looks for the binary, so
 * nobody sets `PRISMA_SCHEMA_ENGINE_BINARY` by hand.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const OFFLINE_SCHEMA_ENGINE = join(dirname(fileURLToPath(import.meta.url)), 'schema-engine.mjs');

/** The directory where `@prisma/engines` keeps downloaded native binaries. */
function enginesDirectory(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('@prisma/engines/package.json'));
  } catch {
    return undefined;
  }
}

export function findNativeSchemaEngine(directory = enginesDirectory()): string | undefined {
  if (!directory || !existsSync(directory)) return undefined;
  const binary = readdirSync(directory).find((name) => name.startsWith('schema-engine-'));
  return binary ? join(directory, binary) : undefined;
}

export type SchemaEngineChoice = { kind: 'configured' | 'native' | 'offline'; path: string };

type Env = Record<string, string | undefined>;

export function selectSchemaEngine(
  env: Env = process.env,
  nativeEngine: string | undefined = findNativeSchemaEngine(),
): SchemaEngineChoice {
  const configured = env.PRISMA_SCHEMA_ENGINE_BINARY;
  if (configured) return { kind: 'configured', path: configured };
  if (nativeEngine) return { kind: 'native', path: nativeEngine };
  return { kind: 'offline', path: OFFLINE_SCHEMA_ENGINE };
}

/** Points the CLI at the offline engine when nothing better is available. */
export function chooseOfflineSchemaEngineIfNeeded(env: Env = process.env): SchemaEngineChoice {
  const choice = selectSchemaEngine(env);
  if (choice.kind === 'offline') env.PRISMA_SCHEMA_ENGINE_BINARY = choice.path;
  return choice;
}
