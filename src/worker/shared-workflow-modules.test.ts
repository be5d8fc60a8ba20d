import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { SHARED_WORKFLOW_MODULES } from './shared-workflow-modules';

const SRC = resolve(__dirname, '..');

/** A relative import as the bundler resolves it: a `.ts` file or a folder's index. */
function resolveImport(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const file = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`cannot resolve ${specifier} from ${relative(SRC, from)}`);
  return file;
}

/** Every source file and package a module loads, following its imports (types left out). */
function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, typeOnly, specifier] of source.matchAll(
      /^(?:import|export)\s+(type\s)?[^'"]*?from\s+'([^']+)'/gms,
    )) {
      if (typeOnly) continue;
      if (specifier!.startsWith('.')) visit(resolveImport(file, specifier!));
      else packages.add(specifier!);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('modules shared between workflows (preloaded, deep-frozen, one copy a V8 context)', () => {
  it.each(SHARED_WORKFLOW_MODULES.map((path) => [relative(SRC, path), path]))(
    '%s loads only the pure domain and zod: no workflow, nothing of the SDK',
    (_name, path) => {
      const { files, packages } = importGraph(path);
      expect([...files].filter((file) => !relative(SRC, file).startsWith('domain/'))).toEqual([]);
      expect([...packages]).toEqual(['zod']);
    },
  );
});
