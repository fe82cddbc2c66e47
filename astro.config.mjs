// @ts-check
import { defineConfig, envField } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import { resolve } from 'node:path';
import pagefind from './src/integrations/pagefind.ts';
import launchGate from './src/integrations/launch-gate.ts';
import precompress from './src/integrations/precompress.ts';

// Content lives in content/ unless CONTENT_ROOT points elsewhere (the fixture site for tests); site.json is imported
// by src/site.ts through this alias so that it follows CONTENT_ROOT like the collections do.
const contentRoot = resolve(process.env.CONTENT_ROOT ?? './content');

// SITE_URL is the public origin the site is deployed at; canonical URLs, Open Graph and the sitemap use it.
const site = process.env.SITE_URL ?? 'https://www.sdcbb.example.cn';

export default defineConfig({
  site,
  trailingSlash: 'ignore',
  // OUT_DIR / CACHE_DIR let two builds (e.g. a benchmark beside the tests) run without sharing folders.
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.CACHE_DIR ?? './node_modules/.astro',
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  integrations: [
    // LAUNCH=1 npm run build refuses unconfirmed content (npm run confirm-list shows what remains).
    launchGate({ contentRoot, siteUrl: process.env.SITE_URL ?? '' }),
    mdx(),
    preact(),
    sitemap({
      // On-demand and staff routes are not pages a reader lands on from a search engine.
      filter: (page) => !/\/(rsvp|admin)\/|\/verify\/answer\//.test(page) && !page.endsWith('/404/'),
    }),
    // Indexes the finished client folder after every page is written.
    pagefind(),
    // Last: .gz and .br beside every text file for nginx (deploy/), Pagefind's own files included.
    precompress(),
  ],
  // Whitespace between inline elements matters in Chinese prose with Latin words and numbers.
  compressHTML: true,
  build: { format: 'directory', inlineStylesheets: 'always' },
  security: {
    checkOrigin: true,
    // Behind a proxy that terminates HTTPS (deploy/nginx), the instances hear plain HTTP: with an https SITE_URL the
    // proxy's X-Forwarded-Proto: https is trusted, so a form posted from https://<site>/ passes the origin check and
    // the staff cookie is Secure. The host still comes from the Host header (the proxy drops X-Forwarded-Host, which
    // Astro would take only for this host name) and the reader's address never from X-Forwarded-For.
    allowedDomains: site.startsWith('https://') ? [{ protocol: 'https', hostname: new URL(site).hostname }] : [],
    // Content-Security-Policy as a <meta> on every page: Astro hashes its own scripts and styles; the one inline
    // script (PrefsScript) adds its hash itself, and /search/ adds 'wasm-unsafe-eval' for Pagefind.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
      ],
    },
  },
  env: {
    schema: {
      // The registration store (src/server/store.ts): DATABASE_URL=postgres://… for PostgreSQL; otherwise SQLite at
      // RSVP_DB_PATH (or DATABASE_URL=file:<path>), default data/rsvp.sqlite.
      DATABASE_URL: envField.string({ context: 'server', access: 'secret', optional: true }),
      RSVP_DB_PATH: envField.string({ context: 'server', access: 'secret', optional: true }),
      RSVP_ADMIN_TOKEN: envField.string({ context: 'server', access: 'secret', optional: true }),
      RSVP_RETENTION_DAYS: envField.number({ context: 'server', access: 'secret', default: 30 }),
      RSVP_RATE_LIMIT: envField.number({ context: 'server', access: 'secret', default: 10 }),
      // Proxies whose X-Real-IP names the reader (deploy/: nginx on the same machine is 127.0.0.1); unset = none.
      RSVP_TRUSTED_PROXIES: envField.string({ context: 'server', access: 'secret', optional: true }),
    },
  },
  vite: {
    resolve: { alias: { '@content/site.json': resolve(contentRoot, 'data/site.json') } },
    build: { rolldownOptions: { checks: { moduleLevelDirective: false } } },
  },
});
