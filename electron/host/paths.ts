import os from 'node:os';
import path from 'node:path';

/** Where a workspace lives when none is named: the platform's per-user data folder. */
export function defaultWorkspaceDir(): string {
  if (process.env.GESHER_WORKSPACE) return path.resolve(process.env.GESHER_WORKSPACE);
  const home = os.homedir();
  if (process.platform === 'win32') {
    return path.join(
      process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'),
      'Gesher',
      'workspace',
    );
  }
  if (process.platform === 'darwin')
    return path.join(home, 'Library', 'Application Support', 'Gesher', 'workspace');
  return path.join(
    process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'),
    'gesher',
    'workspace',
  );
}

/** The folder holding the built bundles (dist/electron), resources and the renderer build. */
export function appRoot(): string {
  return path.resolve(__dirname, '..', '..');
}
