import { realpath } from 'node:fs/promises';
import { basename, dirname, join, relative, isAbsolute, sep } from 'node:path';
import { GeneratorError } from '../errors.js';

/**
 * Which external `$ref` targets a spec may name. A spec's refs stay inside its own folder tree
 * (a file spec: the real directory it sits in; a URL spec: its origin and directory path), so
 * generating from a local file stays offline and a spec cannot make the generator read
 * `/etc/passwd` into the committed types, or probe hosts on the network it runs in. Remote refs
 * elsewhere need an explicit `--allow-remote-refs <url-prefix>`.
 */
export interface RefPolicy {
  /** Why `target` (an absolute file path or http(s) URL) may not be loaded, or undefined if it may. */
  refusal(target: string): Promise<string | undefined>;
  /** Same check for a redirect's `Location`, which can only be a URL. */
  urlRefusal(target: string): string | undefined;
}

const HTTP = /^https?:\/\//;

/** Parses and checks the values of `--allow-remote-refs`: http(s) URLs, no credentials. */
export function parseRemotePrefixes(prefixes: readonly string[]): URL[] {
  return prefixes.map((text) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new GeneratorError(`--allow-remote-refs needs an http(s) URL prefix, not "${text}"`, '#');
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username !== '' || url.password !== '') {
      throw new GeneratorError(`--allow-remote-refs needs an http(s) URL prefix without credentials, not "${text}"`, '#');
    }
    return url;
  });
}

/**
 * Whether `target` lies under `prefix`: same scheme, host and port (parsed, so `https://a.com.evil`
 * is not under `https://a.com`), and a path under the prefix's path on a segment boundary
 * (`/specs` covers `/specs/x.yaml`, not `/specs-old/x.yaml`).
 */
export function urlUnderPrefix(target: URL, prefix: URL): boolean {
  if (target.protocol !== prefix.protocol || target.host !== prefix.host) return false;
  if (target.username !== '' || target.password !== '') return false;
  const base = prefix.pathname;
  if (base.endsWith('/')) return target.pathname.startsWith(base);
  return target.pathname === base || target.pathname.startsWith(`${base}/`);
}

/**
 * An encoded slash, backslash or dot is a path separator or `..` to many servers but not to the
 * URL parser, so a prefix check on such a path proves nothing: refused outright.
 */
function hasAmbiguousPath(url: URL): boolean {
  return /%2f|%5c|%2e/i.test(url.pathname);
}

/** The URL's folder tree: its origin and the directory part of its path. */
function urlFolder(url: URL): URL {
  const folder = new URL(url.href);
  folder.pathname = url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1);
  folder.search = '';
  folder.hash = '';
  return folder;
}

/** realpath of the longest existing ancestor, plus the rest: a missing file is judged by where it would be. */
async function realpathLenient(path: string): Promise<string> {
  const rest: string[] = [];
  let current = path;
  for (;;) {
    try {
      return join(await realpath(current), ...rest);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const parent = dirname(current);
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === current) return path;
      rest.unshift(basename(current));
      current = parent;
    }
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The policy for a spec read from `location` (an absolute file path or an http(s) URL). */
export async function refPolicy(location: string, allowRemoteRefs: readonly string[] = []): Promise<RefPolicy> {
  const prefixes = parseRemotePrefixes(allowRemoteRefs);
  const rootFolder = HTTP.test(location) ? urlFolder(new URL(location)) : undefined;
  const rootDir = rootFolder ? undefined : await realpathLenient(dirname(location));
  const flagHint = 'pass --allow-remote-refs <url-prefix> to allow remote refs under that prefix';
  const urlRefusal = (target: string): string | undefined => {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return `it is not a valid URL`;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return `only http(s) URLs can be fetched, not ${url.protocol}`;
    if (hasAmbiguousPath(url)) return `its path has an encoded slash, backslash or dot (${url.pathname})`;
    if (rootFolder && urlUnderPrefix(url, rootFolder)) return undefined;
    if (prefixes.some((prefix) => urlUnderPrefix(url, prefix))) return undefined;
    if (prefixes.length > 0) return `${url.href} is under none of the --allow-remote-refs prefixes (${prefixes.map((p) => p.href).join(', ')})`;
    return rootFolder
      ? `${url.href} is outside the spec's own folder ${rootFolder.href}; ${flagHint}`
      : `${url.href} is a remote ref and the spec is a local file; ${flagHint}`;
  };
  return {
    urlRefusal,
    async refusal(target: string): Promise<string | undefined> {
      // Redocly treats only lowercase http(s):// as a URL; under a URL spec everything else
      // (a relative ref made absolute) is a URL too, so both cases are judged as URLs.
      if (HTTP.test(target) || rootFolder) return urlRefusal(target);
      if (rootDir === undefined) return 'the spec has no folder';
      const real = await realpathLenient(target);
      if (inside(rootDir, real)) return undefined;
      return `${real === target ? target : `${target} (really ${real})`} is outside the spec's folder ${rootDir}`;
    },
  };
}
