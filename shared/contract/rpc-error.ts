import { z } from 'zod';
import { ERROR_CODES } from '../rpc/errors';

export const RpcErrorBodySchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
});
