import type { MappingFilter, SortSpec } from '../shared/contract';

/** The sorted + filtered grid views the block-fetch figures page through (same for sql.js and native). */
export interface GridView {
  name: string;
  sort: SortSpec;
  filter: MappingFilter;
}

export const GRID_VIEWS: GridView[] = [
  {
    name: 'Hebrew target title ↑, status proposed|needs discussion',
    sort: [{ colId: 'targetTitleHe', dir: 'asc' }],
    filter: { status: ['proposed', 'needs_discussion'] },
  },
  {
    name: 'source code ↓, relation close|broader',
    sort: [{ colId: 'sourceCode', dir: 'desc' }],
    filter: { relation: ['close', 'broader'] },
  },
  {
    name: 'share ↓, search "חינוך" (Hebrew titles)',
    sort: [{ colId: 'share', dir: 'desc' }],
    filter: { search: 'חינוך' },
  },
];

export const BLOCK = 100;
export const BLOCKS_PER_VIEW = 200;

/** Random block offsets within a view of `total` rows (seeded by the caller's random). */
export function blockOffsets(total: number, count: number, rand: () => number): number[] {
  const max = Math.max(0, total - BLOCK);
  return Array.from({ length: count }, () => Math.floor(rand() * (max + 1)));
}
