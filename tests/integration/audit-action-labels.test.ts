import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { REPO_ROOT } from './harness';

/** Every TypeScript source under electron/host (tests excluded). */
function hostSources(dir = path.join(REPO_ROOT, 'electron', 'host')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return hostSources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
      ? [fs.readFileSync(p, 'utf8')]
      : [];
  });
}

/** An action is named for what it acts on (singular: RPC methods are plural or filtered out). */
const ACTION_LITERAL =
  /'((?:mapping|version|crosswalk|scheme|item|import|profile|steward|comment|suggestion)\.[A-Za-z_]+)'/g;

/**
 * The audit actions the host can record: every 'entity.verb' string literal in the host that is
 * not an RPC method name (actions are written as literals, `action: '…'` or passed to the
 * crosswalk service's change(); undo and redo are also compared as literals).
 */
function recordedActions(): string[] {
  const methods = new Set(Object.keys(contract));
  const found = new Set<string>();
  for (const text of hostSources())
    for (const m of text.matchAll(ACTION_LITERAL)) if (!methods.has(m[1]!)) found.add(m[1]!);
  return [...found].sort();
}

const labels = (lang: 'he' | 'en'): Record<string, string> =>
  (
    JSON.parse(
      fs.readFileSync(
        path.join(REPO_ROOT, 'renderer', 'i18n', 'locales', lang, 'audit.json'),
        'utf8',
      ),
    ) as { action: Record<string, string> }
  ).action;

describe('audit action labels', () => {
  const actions = recordedActions();

  it('finds the actions the host records', () => {
    for (const a of ['mapping.decide', 'mapping.undo', 'mapping.comment', 'crosswalk.blind_mode'])
      expect(actions).toContain(a);
  });

  it.each(['he', 'en'] as const)('every recorded action has a %s label', (lang) => {
    const named = labels(lang);
    const missing = actions.filter((a) => !named[a.replace(/\./g, '_')]?.trim());
    expect(missing).toEqual([]);
  });
});
