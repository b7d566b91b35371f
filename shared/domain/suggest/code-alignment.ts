import { dot, type SparseVector } from './term-space';

/** A code with its punctuation dropped, so NACE "01.11" meets ISIC "0111" and SOC "11-1011" its digits. */
export const bareCode = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '');

const groupOf = (bare: string) => bare.slice(0, 2);
// Two titles this close under the same code say the numbering was kept there.
const SAME_MEANING = 0.3;
// How many same-code pairs a major group needs before its own rate outweighs the overall one.
const PRIOR_PAIRS = 2;

/**
 * How far the two schemes' codes can be trusted to mean the same thing, per major group (the
 * first two characters). Learnt from the schemes alone: of the codes present in both, the share
 * whose titles agree. ISIC 3.1 → 4 keeps agriculture's numbering but renumbers manufacturing;
 * SOC 2010 → 2018 keeps most of it; unrelated schemes share codes by accident only.
 */
export class CodeAlignment {
  private readonly byGroup = new Map<string, number>();
  readonly overall: number;

  constructor(
    source: readonly { code: string; title: SparseVector }[],
    target: ReadonlyMap<string, SparseVector>,
  ) {
    const tally = new Map<string, { agree: number; pairs: number }>();
    let agree = 0;
    let pairs = 0;
    for (const item of source) {
      const bare = bareCode(item.code);
      const other = target.get(bare);
      if (!other || item.title.ids.length === 0 || other.ids.length === 0) continue;
      const same = dot(item.title, other) >= SAME_MEANING ? 1 : 0;
      const t = tally.get(groupOf(bare)) ?? { agree: 0, pairs: 0 };
      t.agree += same;
      t.pairs += 1;
      tally.set(groupOf(bare), t);
      agree += same;
      pairs += 1;
    }
    this.overall = pairs === 0 ? 0 : agree / pairs;
    for (const [group, t] of tally)
      this.byGroup.set(group, (t.agree + this.overall * PRIOR_PAIRS) / (t.pairs + PRIOR_PAIRS));
  }

  /** Trust in the codes of the source code's major group, in [0, 1]. */
  of(sourceCode: string): number {
    return this.byGroup.get(groupOf(bareCode(sourceCode))) ?? this.overall;
  }
}
