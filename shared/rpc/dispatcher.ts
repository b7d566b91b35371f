import { contract, type MethodName, type ParsedParams, type Result } from '../contract';
import { RpcError, toErrorBody } from './errors';
import type { ReplyMessage, RequestMessage } from './wire';

export type Handler<M extends MethodName, Ctx> = (
  params: ParsedParams<M>,
  ctx: Ctx,
) => Result<M> | Promise<Result<M>>;

export type Handlers<Ctx> = { [M in MethodName]: Handler<M, Ctx> };

function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Validates every request against the contract's zod schema, runs its handler, and wraps the outcome in an envelope. */
export function createDispatcher<Ctx>(handlers: Handlers<Ctx>) {
  return async function dispatch(message: RequestMessage, ctx: Ctx): Promise<ReplyMessage> {
    const { id, method } = message;
    try {
      if (!isMethodName(method)) throw new RpcError('unknown_method', `Unknown method: ${method}`);
      const parsed = contract[method].params.safeParse(message.params ?? {});
      if (!parsed.success) {
        throw new RpcError(
          'invalid_request',
          `Invalid parameters for ${method}`,
          parsed.error.issues,
        );
      }
      const handler = handlers[method] as Handler<MethodName, Ctx>;
      const value = await handler(parsed.data as ParsedParams<MethodName>, ctx);
      return { kind: 'reply', id, reply: { ok: true, value: value ?? null } };
    } catch (error) {
      return { kind: 'reply', id, reply: { ok: false, error: toErrorBody(error) } };
    }
  };
}
