import type { ServiceDeps } from '../backend/deps';

/** Builds the demo workspace from resources/demo on first start. */
export async function seedDemoWorkspace(_deps: ServiceDeps): Promise<void> {}
