/**
 * Quick import throughput check through the contract (stage → commit → job done), for a generated
 * crosswalk CSV: `npx tsx tests/perf/import-throughput.ts [rows]` (default 1,000,000). The full
 * benchmark with goals is `npm run bench`; this one only isolates the import pipeline.
 */
import type { ImportResult } from '../../shared/contract/imports';
import { openWithSteward } from '../integration/harness';

const RELATIONS = ['exact', 'close', 'broader', 'narrower', 'related'];

function crosswalkCsv(rows: number): Buffer {
  const lines = [
    'source_code,source_title,target_code,target_title,relation,share,status,partial_source,partial_target,comment',
  ];
  for (let i = 0; i < rows; i++) {
    const s = String(i % 10000).padStart(4, '0');
    const g = String((i * 7919) % 10000).padStart(4, '0');
    const comment = i % 10 === 0 ? '"see note, row ' + i + '"' : '';
    lines.push(
      `${s},"Workers in food, ${s}",${g},עובדי ייצור ${g},${RELATIONS[i % 5]},${(i % 4) / 4},proposed,${i % 2},0,${comment}`,
    );
  }
  return Buffer.from(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const t = await openWithSteward();
  try {
    const codes = Buffer.from(
      'code\n' + Array.from({ length: 10000 }, (_, i) => String(i).padStart(4, '0')).join('\n'),
    );
    const s = await t.call('import.stage', {
      fileName: 'codes.csv',
      base64: codes.toString('base64'),
    });
    const sj = await t.call('import.commitScheme', {
      stagedId: s.stagedId,
      options: {},
      columns: { code: 'code' },
      scheme: { nameHe: 'קודים', nameEn: 'Codes', version: '1', agency: null },
    });
    const schemeId = ((await t.call('jobs.wait', sj)).result as ImportResult).id;

    const bytes = crosswalkCsv(rows);
    const base64 = bytes.toString('base64');
    const started = performance.now();
    const staged = await t.call('import.stage', { fileName: 'crosswalk.csv', base64 });
    const job = await t.call('import.commitCrosswalk', {
      stagedId: staged.stagedId,
      options: {},
      columns: {
        sourceCode: 'source_code',
        sourceTitle: 'source_title',
        targetCode: 'target_code',
        targetTitle: 'target_title',
        relation: 'relation',
        share: 'share',
        status: 'status',
        partialSource: 'partial_source',
        partialTarget: 'partial_target',
        comment: 'comment',
      },
      crosswalk: {
        nameHe: 'מעבר',
        nameEn: 'Crosswalk',
        sourceSchemeId: schemeId,
        targetSchemeId: schemeId,
      },
    });
    const phases: string[] = [];
    let phase = '';
    const poll = setInterval(() => {
      void t.call('jobs.get', job).then((state) => {
        if (state.phase !== phase)
          phases.push(`${(phase = state.phase)}@${Math.round(performance.now() - started)}ms`);
      });
    }, 20);
    const state = await t.call('jobs.wait', job);
    clearInterval(poll);
    const ms = performance.now() - started;
    if (state.status !== 'succeeded') throw new Error(state.error?.message);
    const result = state.result as ImportResult;
    console.log(
      `${result.rows} rows (${(bytes.byteLength / 1e6).toFixed(1)} MB) imported end to end in ${Math.round(ms)} ms: ` +
        `${Math.round(result.rows / (ms / 1000))} rows/s (goal ≥ 100000)`,
    );
    console.log(
      `phases: ${phases.join(' → ')}; rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
    );
  } finally {
    await t.close();
  }
}

void main();
