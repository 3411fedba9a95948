// The app's own operations (contract/ops/app.ts): the window reporting that it is in use
// (auto-lock's idle time starts again), opening a public register in the browser, and which Caseproof this is.
import { REGISTERS } from '../../../contract/registers';
import { appInfo } from '../../app/info';
import type { Registry } from '../registry';
import type { Session } from '../session';

export function registerApp(r: Registry, session: Session): void {
  r.method('reportActivity', () => {
    session.noteUse();
    return null;
  });
  r.method('openRegister', async ({ register }) => {
    // The address comes from the contract's table, never from the page; main checks it again.
    const { url } = REGISTERS[register];
    await session.platform.openExternal(url);
    return { url };
  });
  r.method('appInfo', () => appInfo());
}
