import { describe, expect, it } from 'vitest';
import { openTestBackend } from './harness';

describe('workspace and profile', () => {
  it('asks for a profile first, then remembers the steward across a restart', async () => {
    const first = await openTestBackend();
    const blocked = await first.reply('audit.export', { format: 'csv' });
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.error.code).toBe('no_profile');

    const dana = await first.call('profile.create', {
      name: 'דנה לוי',
      agency: 'ES',
      role: 'steward',
    });
    expect((await first.call('workspace.info', {})).currentSteward?.name).toBe('דנה לוי');
    await first.close();

    const again = await openTestBackend({ workspaceDir: first.dir });
    const info = await again.call('workspace.info', {});
    expect(info.currentSteward?.id).toBe(dana.id);
    expect(info.schemaVersion).toBeGreaterThanOrEqual(2);
    const audit = await again.call('audit.list', { offset: 0, limit: 10 });
    expect(audit.rows.map((r) => r.action)).toContain('profile.create');
    expect(audit.rows[0]?.agency).toBe('ES');
    await again.close();
  });

  it('refuses a request that breaks the contract, with a specific error', async () => {
    const t = await openTestBackend();
    const r = await t.reply('profile.create', { name: '', agency: 'XX' as 'ES', role: 'steward' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid_request');
    await t.close();
  });
});
