import type { TestBackend } from './harness';

/**
 * Approves mappings as the ES steward and then as a CBS steward (created on first use), and
 * leaves the ES steward signed in: where a mapping needs both agencies' approval this approves it,
 * and where one approval is enough the second is the same decision again.
 */
export async function approveByBothAgencies(
  t: TestBackend,
  crosswalkId: string,
  mappingIds: number[],
): Promise<{ es: string; cbs: string }> {
  const stewards = await t.call('profile.list', {});
  const es = stewards.find((s) => s.agency === 'ES')!;
  const cbs =
    stewards.find((s) => s.agency === 'CBS') ??
    (await t.call('profile.create', { name: 'נועה כהן', agency: 'CBS', role: 'steward' }));
  await t.call('profile.select', { id: es.id });
  await t.call('crosswalks.decide', { crosswalkId, mappingIds, status: 'approved' });
  await t.call('profile.select', { id: cbs.id });
  await t.call('crosswalks.decide', { crosswalkId, mappingIds, status: 'approved' });
  await t.call('profile.select', { id: es.id });
  return { es: es.id, cbs: cbs.id };
}
