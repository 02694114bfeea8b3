import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Workspace packages export their TypeScript sources under the "source" condition,
    // so tests run against src/ without a build step.
    conditions: ['source'],
  },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'connectors/*/src/**/*.test.ts',
      'packages/studio/e2e/**/*.e2e.test.ts',
    ],
    // isolated-vm on Node 20 needs the startup snapshot disabled.
    execArgv: ['--no-node-snapshot'],
    pool: 'forks',
    testTimeout: 20_000,
  },
});
