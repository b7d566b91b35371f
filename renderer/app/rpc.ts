import { create } from 'zustand';
import { createClient, type RpcClient } from '../../shared/rpc/client';
import { createTransport, type ConnectionStatus } from './transport';

export const useConnection = create<{ status: ConnectionStatus }>(() => ({ status: 'connecting' }));

/** The one client the renderer uses; every request goes through the typed contract. */
export const rpc: RpcClient = createClient(
  createTransport((status) => useConnection.setState({ status })),
);
