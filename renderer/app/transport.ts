import {
  isServerMessage,
  type RequestMessage,
  type ServerMessage,
  type Transport,
} from '../../shared/rpc/wire';

interface ElectronBridge {
  send(message: RequestMessage): void;
  onMessage(listener: (message: unknown) => void): () => void;
}

declare global {
  interface Window {
    gesherBridge?: ElectronBridge;
  }
}

function listenerSet() {
  const listeners = new Set<(m: ServerMessage) => void>();
  return {
    add(listener: (m: ServerMessage) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(message: unknown) {
      if (isServerMessage(message)) for (const l of listeners) l(message);
    },
  };
}

function electronTransport(bridge: ElectronBridge): Transport {
  const listeners = listenerSet();
  bridge.onMessage((m) => listeners.emit(m));
  return { send: (m) => bridge.send(m), onMessage: (l) => listeners.add(l) };
}

/** Browser host: a WebSocket to the loopback server with the launch token from the page address. */
function webSocketTransport(onStatus: (status: ConnectionStatus) => void): Transport {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const url = `ws://${window.location.host}/rpc?token=${encodeURIComponent(token)}`;
  const listeners = listenerSet();
  const disconnectListeners = new Set<() => void>();
  const queue: string[] = [];
  let socket: WebSocket | null = null;

  const connect = () => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      onStatus('connected');
      while (queue.length && ws.readyState === WebSocket.OPEN) ws.send(queue.shift()!);
    };
    ws.onmessage = (event) => listeners.emit(JSON.parse(String(event.data)));
    ws.onclose = () => {
      onStatus('disconnected');
      for (const l of disconnectListeners) l();
      socket = null;
      setTimeout(connect, 1000);
    };
  };
  connect();

  return {
    send(message) {
      const text = JSON.stringify(message);
      if (socket?.readyState === WebSocket.OPEN) socket.send(text);
      else queue.push(text);
    },
    onMessage: (l) => listeners.add(l),
    onDisconnect: (l) => {
      disconnectListeners.add(l);
      return () => disconnectListeners.delete(l);
    },
  };
}

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

export function createTransport(onStatus: (status: ConnectionStatus) => void): Transport {
  if (window.gesherBridge) {
    onStatus('connected');
    return electronTransport(window.gesherBridge);
  }
  return webSocketTransport(onStatus);
}
