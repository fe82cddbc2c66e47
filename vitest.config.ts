/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config, so tests can import modules that use astro:* virtual modules where needed.
export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 30_000,
    // A throw-away PostgreSQL cluster, so the store tests run on both stores (tests/unit/stores.ts).
    globalSetup: ['tests/unit/pg-setup.ts'],
  },
});
