import type { Role, Steward } from '../../../shared/contract';
import { RpcError } from '../../../shared/rpc/errors';

/** Who is working in this host right now. Roles are enforced here, in the services, not only hidden in the UI. */
export class Session {
  steward: Steward | null = null;

  require(roles?: readonly Role[]): Steward {
    const steward = this.steward;
    if (!steward) throw new RpcError('no_profile', 'Choose or create a steward profile first.');
    if (roles && !roles.includes(steward.role)) {
      throw new RpcError(
        'forbidden',
        `${steward.name} has the role "${steward.role}"; this needs ${roles.map((r) => `"${r}"`).join(' or ')}.`,
        { role: steward.role, required: [...roles] },
      );
    }
    return steward;
  }
}

export const DECIDERS: readonly Role[] = ['steward', 'lead'];
export const LEADS: readonly Role[] = ['lead'];
