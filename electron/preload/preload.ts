import { contextBridge, ipcRenderer } from 'electron';

/** The only thing the renderer gets from Electron: a transport for contract messages. */
contextBridge.exposeInMainWorld('gesherBridge', {
  send: (message: unknown) => ipcRenderer.send('gesher:request', message),
  onMessage: (listener: (message: unknown) => void) => {
    const wrapped = (_event: unknown, message: unknown) => listener(message);
    ipcRenderer.on('gesher:message', wrapped);
    return () => ipcRenderer.removeListener('gesher:message', wrapped);
  },
});
