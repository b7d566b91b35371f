import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';

let loaded: Promise<SqlJsStatic> | null = null;

/** Finds sql-wasm.wasm: next to the bundle in a packaged app (resources), else in node_modules. */
export function resolveSqlWasm(resourcesDir?: string): string {
  const candidates: string[] = [];
  if (resourcesDir) candidates.push(path.join(resourcesDir, 'sql-wasm.wasm'));
  try {
    candidates.push(
      createRequire(path.join(process.cwd(), 'package.json')).resolve('sql.js/dist/sql-wasm.wasm'),
    );
  } catch {
    // not resolvable from the working directory; fall through to the next candidate
  }
  candidates.push(
    path.join(__dirnameSafe(), '..', '..', 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm'),
  );
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error(`sql-wasm.wasm not found (looked in: ${candidates.join(', ')})`);
  return found;
}

function __dirnameSafe(): string {
  return typeof __dirname === 'string' ? __dirname : process.cwd();
}

export function loadSqlJs(resourcesDir?: string): Promise<SqlJsStatic> {
  if (!loaded) {
    const wasmPath = resolveSqlWasm(resourcesDir);
    const wasmBinary = fs.readFileSync(wasmPath);
    loaded = initSqlJs({
      wasmBinary: wasmBinary.buffer.slice(
        wasmBinary.byteOffset,
        wasmBinary.byteOffset + wasmBinary.byteLength,
      ) as ArrayBuffer,
    });
  }
  return loaded;
}
