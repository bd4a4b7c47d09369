import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COUNT } from '../contract-server/fixtures.js';
import { TEST_KEYS } from '../contract-server/keys.js';
import { startContractServer, type ContractServer } from '../contract-server/server.js';
import { tempDir } from '../helpers/ir.js';

/**
 * The generated client where browser users run it: its ESM bundle (esbuild, platform browser) is
 * loaded by a page in headless Chromium, served from one loopback origin, and calls the contract
 * server on another, so every request is a real cross-origin fetch with a CORS preflight. The
 * page renders what it got; the test reads the page.
 *
 * Needs Chromium (Debian: `apt-get install -y chromium`); set CHROMIUM_PATH for another binary.
 * Where it is absent the suite is skipped and says so, unless REQUIRE_CHROMIUM=1 (CI) makes that an error.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SKIP_REASON = `no Chromium at ${CHROMIUM}; install it (apt-get install -y chromium) or set CHROMIUM_PATH`;
if (!HAVE_CHROMIUM) {
  // CI installs Chromium and sets REQUIRE_CHROMIUM=1, so a broken install fails instead of skipping.
  if (process.env.REQUIRE_CHROMIUM === '1') throw new Error(`Browser tests need Chromium: ${SKIP_REASON}`);
  console.warn(`[browser tests skipped] ${SKIP_REASON}`);
}
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The page: loads the bundle, calls the API, renders the outcome into elements with ids. */
function pageHtml(config: { apiKey: string; baseUrl: string }): string {
  return `<!doctype html>
<html>
<head><meta charset="utf-8"><title>client in a browser</title></head>
<body>
<p>Status: <span id="status">running</span></p>
<dl>
  <dt>tier</dt><dd id="tier"></dd>
  <dt>request id</dt><dd id="request-id"></dd>
  <dt>tier via x-api-key</dt><dd id="tier-x-api-key"></dd>
  <dt>total sessions</dt><dd id="total-sessions"></dd>
  <dt>missing session</dt><dd id="not-found"></dd>
</dl>
<ol id="sessions"></ol>
<script type="application/json" id="config">${JSON.stringify(config)}</script>
<script type="module">
import { NotAi, NotFoundError, NotAiError } from '/client.js';
const config = JSON.parse(document.getElementById('config').textContent);
const show = (id, text) => { document.getElementById(id).textContent = String(text); };
try {
  const client = new NotAi({ apiKey: config.apiKey, baseUrl: config.baseUrl });

  const { data: integration, tier, requestId } = await client.integration.get().withResponse();
  // .withResponse() gives the body as sent (envelope included); the awaited call, the model.
  show('tier', tier + ' / ' + integration.data.tier);
  show('request-id', requestId);

  const viaHeader = await new NotAi({ apiKey: config.apiKey, baseUrl: config.baseUrl, authHeader: 'x-api-key' }).integration.get();
  show('tier-x-api-key', viaHeader.tier);

  const list = document.getElementById('sessions');
  for await (const session of client.sessions.list({ pageSize: 50 }, { maxItems: 120 })) {
    const li = document.createElement('li');
    li.textContent = session.id;
    list.append(li);
  }

  // The test arms one 503 on /v1/stats: the client retries it from the page.
  const stats = await client.stats.get();
  show('total-sessions', stats.totalSessions);

  try {
    await client.sessions.get('ses_does_not_exist');
    show('not-found', 'no error');
  } catch (error) {
    show('not-found', [error.name, error instanceof NotFoundError, error instanceof NotAiError, error.status, error.code].join(' '));
  }
  show('status', 'done');
} catch (error) {
  show('status', 'failed: ' + (error && error.name) + ': ' + (error && error.message));
}
</script>
</body>
</html>`;
}

describe.skipIf(!HAVE_CHROMIUM)(`generated client in headless Chromium${HAVE_CHROMIUM ? '' : ` (SKIPPED: ${SKIP_REASON})`}`, () => {
  let api: ContractServer;
  let site: Server;
  let siteUrl: string;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const out = await tempDir('browser-bundle-');
    // The same bundle a browser app would get from a bundler: ESM, browser platform, no Node built-ins.
    await build({
      entryPoints: [join(ROOT, 'generated', 'src', 'index.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outfile: join(out, 'client.js'),
      logLevel: 'silent',
    });
    const bundle = await readFile(join(out, 'client.js'));

    api = await startContractServer({ region: 'us' });
    const html = pageHtml({ apiKey: TEST_KEYS.us.pro, baseUrl: api.url });
    site = createServer((req, res) => {
      if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      else if (req.url === '/client.js') res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;

    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));

    api.faults.status(503, { count: 1, pathPrefix: '/v1/stats' });
    await page.goto(`${siteUrl}/`);
    await page.waitForFunction(() => document.getElementById('status')?.textContent !== 'running', undefined, { timeout: 20_000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
    await api?.close();
  });

  const text = async (id: string): Promise<string> => (await page.textContent(`#${id}`)) ?? '';

  it('runs to the end without a page error', async () => {
    expect(await text('status')).toBe('done');
    expect(pageErrors).toEqual([]);
  });

  it('authenticates with either header form across origins and reads the exposed tier and request-id headers', async () => {
    expect(await text('tier')).toBe('pro / pro');
    expect(await text('request-id')).toMatch(/^req_us_\d+$/);
    expect(await text('tier-x-api-key')).toBe('pro');
    const calls = api.requests.filter((r) => r.method === 'GET');
    expect(calls.every((r) => r.headers.origin === siteUrl)).toBe(true);
    expect(calls.filter((r) => r.path === '/v1/integration').map((r) => r.auth)).toEqual(['bearer', 'x-api-key']);
    // Preflights happened (credential headers are not CORS-safelisted) and were answered.
    expect(api.requests.some((r) => r.method === 'OPTIONS' && r.status === 204)).toBe(true);
  });

  it('walks pages up to maxItems and renders every item once', async () => {
    const ids = await page.$$eval('#sessions li', (items) => items.map((li) => li.textContent));
    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
    const pages = api.requests.filter((r) => r.method === 'GET' && r.path === '/v1/sessions');
    expect(pages.map((r) => r.query.cursor === undefined)).toEqual([true, false, false]);
  });

  it('retries a 503 from the page and renders the result', async () => {
    expect(await text('total-sessions')).toBe(String(SESSION_COUNT));
    expect(api.requests.filter((r) => r.method === 'GET' && r.path === '/v1/stats').map((r) => r.status)).toEqual([503, 200]);
  });

  it('throws typed errors in the browser too', async () => {
    expect(await text('not-found')).toBe('NotFoundError true true 404 NOT_FOUND');
  });

  it('sends no User-Agent of its own (browsers forbid it)', () => {
    const agents = api.requests.filter((r) => r.method === 'GET').map((r) => r.headers['user-agent'] ?? '');
    expect(agents.length).toBeGreaterThan(0);
    expect(agents.every((ua) => /Chrome\//.test(ua) && !ua.includes('notai-client'))).toBe(true);
  });
});
