// The files SQLite keeps beside a database: a vault or a copy is only gone when they are too.
import { rmSync } from 'node:fs';

export const SIDECARS = ['-wal', '-shm', '-journal'] as const;

export function removeWithSidecars(file: string): void {
  for (const s of ['', ...SIDECARS]) rmSync(file + s, { force: true });
}
