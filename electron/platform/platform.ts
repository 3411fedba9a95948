// Everything platform-specific the services need, behind one small interface. Electron
// implements it in electronPlatform.ts; the CLI and the tests use nodePlatform.ts.
// Types only: importing this file pulls in no Electron and no Node module.
export interface FileFilter {
  name: string;
  extensions: string[];
}
export interface PickedFile {
  name: string;
  path: string;
}
export interface Platform {
  /** Who is using the app, for "added by" fields. */
  userName(): string;
  /** Non-secret preferences (window size, last vault path, your name). */
  prefs: {
    get(key: string): unknown;
    set(key: string, value: unknown): void;
  };
  /** OS keychain wrapping for "remember on this computer". */
  secrets: {
    /** null when a real OS-backed store is available, otherwise why not. */
    unavailableReason(): string | null;
    wrap(plain: string): string;
    unwrap(wrapped: string): string;
  };
  dialogs: {
    saveFile(opts: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
    openFiles(opts: { title: string; filters: FileFilter[]; multiple: boolean }): Promise<string[]>;
    /** A folder (for scheduled backups); null when cancelled. */
    openFolder(opts: { title: string }): Promise<string | null>;
  };
  notify(title: string, body: string): void;
  /** Shows a file in the OS file manager. */
  showInFolder(path: string): void;
  /**
   * Opens an address in the computer's browser. Only a public register's https address
   * (contract/registers.ts) is opened; anything else is refused with an error.
   */
  openExternal(url: string): Promise<void>;
  defaultVaultPath(): string;
}
