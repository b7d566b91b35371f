import type { z } from 'zod';

export interface MethodSpec<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  params: P;
  result: R;
}

export function method<P extends z.ZodType, R extends z.ZodType>(
  params: P,
  result: R,
): MethodSpec<P, R> {
  return { params, result };
}
