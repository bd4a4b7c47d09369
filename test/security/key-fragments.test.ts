/**
 * A server that echoes a piece of the key ("…the last 37 characters of your key") gives most of
 * it away although the key itself never appears. Any FRAGMENT_LENGTH (12) characters or more of
 * a key are masked wherever the whole key is: error messages, error bodies and headers, logs and
 * hook payloads of the client, and everything the MCP server returns or logs. Success data of the
 * client keeps them (an API may show part of a key on purpose), as it keeps short keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedactor as createMcpRedactor } from '../../generated-mcp/src/runtime/log.js';
import { APIError, NotAi } from '../../generated/src/index.js';
import { FRAGMENT_LENGTH, fragmentScanner } from '../../templates/runtime/fragments.js';
import { createRedactor, REDACTED } from '../../templates/runtime/redact.js';
import { connect } from '../mcp/harness.js';
import { capturingLogger, everyView, json, startScriptedServer, type ScriptedServer } from './helpers.js';

const KEY = 'aik_v1_FRAGfrag0123456789_FRAGfrag-0123456789ab';
/** What the report saw: the key minus its first ten characters. */
const TAIL = KEY.slice(-37);

/** Every piece of `key` of FRAGMENT_LENGTH characters that `text` still holds. */
function pieces(text: string, key = KEY): string[] {
  const out: string[] = [];
  for (let at = 0; at + FRAGMENT_LENGTH <= key.length; at += 1) {
    const piece = key.slice(at, at + FRAGMENT_LENGTH);
    if (text.includes(piece)) out.push(piece);
  }
  return out;
}

describe('the scanner', () => {
  const scan = fragmentScanner([KEY])!;

  it('finds every piece of FRAGMENT_LENGTH or more, whole, and nothing shorter', () => {
    for (let length = FRAGMENT_LENGTH; length <= KEY.length; length += 5) {
      for (let at = 0; at + length <= KEY.length; at += 3) {
        const piece = KEY.slice(at, at + length);
        expect(scan(`<< ${piece} >>`), piece).toEqual([[3, 3 + length]]);
      }
    }
    expect(scan(`<< ${KEY.slice(5, 5 + FRAGMENT_LENGTH - 1)} >>`)).toEqual([]);
  });

  it('extends a match as far as the text goes on with the key, and keeps separate pieces apart', () => {
    const text = `a ${KEY.slice(0, 20)}${KEY.slice(10, 30)} b ${TAIL} c`;
    // The two overlapping pieces run together into one range; the tail is a second one.
    const second = text.indexOf(TAIL);
    expect(scan(text)).toEqual([
      [2, 42],
      [second, second + TAIL.length],
    ]);
  });

  it('finds nothing in text without the key, and has nothing to find for keys under FRAGMENT_LENGTH', () => {
    expect(scan('aik_v1_ is every key’s prefix; FRAGfrag01 and 0123456789a are too short'.repeat(50))).toEqual([]);
    expect(fragmentScanner(['short-key'])).toBeUndefined();
  });

  it('stays linear on text made of one repeated character of a key made of it', () => {
    const scanSame = fragmentScanner(['a'.repeat(40)])!;
    expect(scanSame(`x${'a'.repeat(1_000_000)}x`)).toEqual([[1, 1_000_001]]);
  });
});

describe('the client redactor', () => {
  const redactor = createRedactor(KEY, []);

  it.each([
    ['the tail the report saw', `invalid key …${TAIL}`],
    ['a head cut short', `invalid key ${KEY.slice(0, 20)}…`],
    ['a middle', `key ending ${KEY.slice(15, 30)} revoked`],
    ['percent-encoded in a URL', `https://h.test/x?k=${encodeURIComponent(`${KEY.slice(10, 30)}+`)}`],
  ])('masks %s in messages', (_label, text) => {
    const masked = redactor.text(text);
    expect(masked).toContain(REDACTED);
    expect(pieces(masked)).toEqual([]);
  });

  it('leaves pieces in success data, where it still masks the whole key', () => {
    const body = JSON.stringify({ apiKeyHint: KEY.slice(0, 16), owner: 'me', echoed: KEY });
    expect(JSON.parse(redactor.data(body))).toEqual({ apiKeyHint: KEY.slice(0, 16), owner: 'me', echoed: REDACTED });
  });

  it('handles keys under FRAGMENT_LENGTH as before: whole only', () => {
    const short = createRedactor('dev-key-123', []);
    expect(short.text('dev-key-123 and dev-key-12')).toBe(`${REDACTED} and dev-key-12`);
  });

  it('masks pieces of every key it holds', () => {
    const other = 'tok_ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const both = createRedactor([KEY, other], []);
    expect(both.text(`${TAIL} / ${other.slice(4)}`)).toBe(`${REDACTED} / ${REDACTED}`);
  });
});

describe('a server that echoes pieces of the key', () => {
  let echo: ScriptedServer;
  beforeAll(async () => {
    echo = await startScriptedServer();
    echo.handle((_req, res) =>
      json(
        res,
        401,
        { error: { code: 'INVALID_KEY', message: `Unknown key …${TAIL}`, details: { keyHead: KEY.slice(0, 20) } } },
        { 'www-authenticate': `Bearer error="invalid_token", hint="${TAIL}"`, 'x-request-id': `req-${KEY.slice(7, 27)}` },
      ),
    );
  });
  afterAll(() => echo.close());

  it('the client: nothing of them in the error (every view), its headers, logs or hooks', async () => {
    const logs = capturingLogger();
    const hooks: unknown[] = [];
    const client = new NotAi({
      apiKey: KEY,
      baseUrl: echo.url,
      maxRetries: 0,
      logger: logs,
      logLevel: 'debug',
      hooks: { onRequest: (info) => hooks.push(info), onResponse: (info) => hooks.push(info) },
    });
    const error = await client.stats.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    const apiError = error as APIError;
    expect(apiError.message).toBe(`Unknown key …${REDACTED}`);
    expect(apiError.details).toEqual({ keyHead: REDACTED });
    expect(apiError.requestId).toBe(`req-${REDACTED}`);
    const views = {
      ...everyView(error),
      body: JSON.stringify(apiError.body),
      headers: JSON.stringify([...apiError.headers]),
      logs: logs.text(),
      hooks: JSON.stringify(hooks),
    };
    expect(Object.entries(views).flatMap(([view, text]) => pieces(text).map((p) => `${view}: ${p}`))).toEqual([]);
  });

  it('the MCP server: nothing of them in the tool result or its logs', async () => {
    const mcp = await connect({ baseUrl: echo.url, apiKey: KEY });
    try {
      const result = await mcp.call('get_stats');
      expect(result.isError).toBe(true);
      expect(result.text).toContain(REDACTED);
      expect(pieces(result.text)).toEqual([]);
      expect(pieces(mcp.logs.join('\n'))).toEqual([]);
    } finally {
      await mcp.close();
    }
  });

  it("the MCP server's own redactor masks pieces, in results too", () => {
    const redact = createMcpRedactor(KEY);
    expect(redact(`{"message":"Unknown key …${TAIL}","hint":"${KEY.slice(0, 16)}"}`)).toBe(
      `{"message":"Unknown key …${REDACTED}","hint":"${REDACTED}"}`,
    );
    // Keys under FRAGMENT_LENGTH: whole only, as before.
    expect(createMcpRedactor('Ab3xK9q-z')('Ab3xK9q-z and Ab3xK9q')).toBe(`${REDACTED} and Ab3xK9q`);
  });
});
