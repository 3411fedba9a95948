import { defineConfig } from 'vitest/config';

// One runner for every layer: unit and integration (tests/unit), the real CLI as a child
// process (tests/cli), the real UI in Debian's Chromium (tests/browser), and the Electron
// smoke test (tests/electron, skipped with a plain message where Electron's binary is absent).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    // expect.poll waits for the UI to settle; its 1 s default is too short on a loaded 2-core machine
    // (a wait, not a timing assertion: it passes as soon as the condition holds).
    expect: { poll: { timeout: 15_000 } },
    reporters: ['default'],
    // The firm model's guard (electron/services/views/firmModel.ts): what it keeps is frozen, so a
    // service that changed the shared snapshot throws in every test instead of passing silently.
    env: { CASEPROOF_GUARD_MODEL: '1' },
  },
});
