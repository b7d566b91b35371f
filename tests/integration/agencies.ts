import type { Steward } from '../../shared/contract';
import type { TestBackend } from './harness';

/** The steward the tests use for the second agency. */
export const CBS_STEWARD = { name: 'רונית כהן', agency: 'CBS', role: 'steward' } as const;

/** Selects the profile with this name, agency and role, creating it the first time. */
export async function switchTo(
  t: TestBackend,
  who: { name: string; agency: 'ES' | 'CBS'; role: 'steward' | 'lead' | 'viewer' },
): Promise<Steward> {
  const found = (await t.call('profile.list', {})).find(
    (p) => p.name === who.name && p.agency === who.agency && p.role === who.role,
  );
  return found ? t.call('profile.select', { id: found.id }) : t.call('profile.create', who);
}

/** Runs fn as another steward and comes back to the current profile. */
export async function as<T>(
  t: TestBackend,
  who: Parameters<typeof switchTo>[1],
  fn: () => Promise<T>,
): Promise<T> {
  const me = t.backend.deps.session.steward;
  await switchTo(t, who);
  try {
    return await fn();
  } finally {
    if (me) await t.call('profile.select', { id: me.id });
  }
}

/** The second agency's approval: with the current (ES) steward's, the mappings are approved. */
export function approveAsCbs(t: TestBackend, crosswalkId: string, mappingIds: number[]) {
  return as(t, CBS_STEWARD, () =>
    t.call('crosswalks.decide', { crosswalkId, mappingIds, status: 'approved' }),
  );
}
