import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, session, type IpcMainEvent } from 'electron';
import { isRequestMessage, type ServerMessage } from '../../shared/rpc/wire';
import { startBackendThread, type BackendThread } from '../host/backend/backend-thread';
import { appRoot, defaultWorkspaceDir } from '../host/paths';
import { contentSecurityPolicy } from '../host/transports/ws-server';

const root = appRoot();
const rendererIndex = path.join(root, 'dist', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;

let backend: BackendThread | null = null;
let mainWindow: BrowserWindow | null = null;

/** IPC is accepted only from the app's own top frame. */
function fromAppFrame(event: IpcMainEvent): boolean {
  const frame = event.senderFrame;
  return (
    !!frame &&
    frame === mainWindow?.webContents.mainFrame &&
    frame.url.split(/[?#]/)[0] === rendererUrl
  );
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'Gesher · גשר',
    webPreferences: {
      preload: path.join(root, 'dist', 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const contents = mainWindow.webContents;
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  void mainWindow.loadFile(rendererIndex);
}

async function main(): Promise<void> {
  await app.whenReady();
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy("'none'")],
      },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  const workspaceDir = process.env.GESHER_WORKSPACE
    ? path.resolve(process.env.GESHER_WORKSPACE)
    : app.isPackaged
      ? path.join(app.getPath('userData'), 'workspace')
      : defaultWorkspaceDir();
  backend = await startBackendThread(
    {
      workspaceDir,
      resourcesDir: app.isPackaged ? process.resourcesPath : path.join(root, 'resources'),
      host: 'electron',
    },
    path.join(root, 'dist', 'electron', 'worker.cjs'),
  );
  backend.onMessage((message: ServerMessage) =>
    mainWindow?.webContents.send('gesher:message', message),
  );
  ipcMain.on('gesher:request', (event, message: unknown) => {
    if (!fromAppFrame(event) || !isRequestMessage(message)) return;
    backend?.send(message);
  });
  createWindow();

  app.on('window-all-closed', () => app.quit());
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !backend) return;
    event.preventDefault();
    quitting = true;
    void backend.close().finally(() => app.quit());
  });
}

main().catch((error: unknown) => {
  console.error(error);
  app.exit(1);
});
