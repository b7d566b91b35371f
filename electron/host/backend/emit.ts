import type { EventName, EventPayload } from '../../../shared/contract/events';

export type Emit = <E extends EventName>(name: E, payload: EventPayload<E>) => void;
