import type { z } from 'zod';
import { auditMethods } from './audit';
import { commentMethods } from './comments';
import { crosswalkMethods } from './crosswalks';
import { importMethods } from './imports';
import { fileMethods, jobMethods } from './jobs';
import { hierarchyMethods } from './hierarchy';
import { schemeMethods } from './schemes';
import { versionMethods } from './versions';
import { suggestionMethods } from './suggestions';
import { workspaceMethods } from './workspace';

/** Every request the renderer can make. A renamed method breaks the compile, not the user. */
export const contract = {
  ...workspaceMethods,
  ...auditMethods,
  ...schemeMethods,
  ...crosswalkMethods,
  ...importMethods,
  ...jobMethods,
  ...fileMethods,
  ...versionMethods,
  ...suggestionMethods,
  ...commentMethods,
  ...hierarchyMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Params<M extends MethodName> = z.input<Contract[M]['params']>;
export type ParsedParams<M extends MethodName> = z.output<Contract[M]['params']>;
export type Result<M extends MethodName> = z.output<Contract[M]['result']>;

export * from './common';
export * from './workspace';
export * from './audit';
export * from './schemes';
export * from './crosswalks';
export * from './imports';
export * from './jobs';
export * from './events';
export * from './versions';
export * from './suggestions';
export * from './comments';
export * from './hierarchy';
