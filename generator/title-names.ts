/**
 * The names a client gets from its spec's `info.title` when the config gives none: the class
 * (`GitHub`), the npm package (`github-client`) and the API key's environment variable
 * (`GITHUB_API_KEY`). A title is a sentence (`GitHub's official OpenAPI spec + Octokit
 * extension`); the name is what it is about, so the sentence is cleaned first (docs/naming.md).
 */

/** Words that describe the document, not the API it is for. */
const FILLER = /^(?:api|apis|rest|restful|public|openapi|spec|specs|specification|official|extension|extensions|definition|definitions|v\d+(?:\.\d+)*)$/i;

/**
 * The title's name words: parenthesised asides dropped, a possessive ends the name at its owner
 * (`GitHub's official …` → GitHub), and filler words go (`Figma API` → Figma).
 */
export function titleWords(title: string): string[] {
  const tokens = title.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').split(/\s+/);
  const owner = tokens.findIndex((t) => /[A-Za-z0-9](?:['’]s|s['’])(?![A-Za-z0-9])/.test(t));
  const text = owner < 0 ? tokens.join(' ') : [...tokens.slice(0, owner), tokens[owner]!.replace(/['’]s?(?![A-Za-z0-9]).*$/, '')].join(' ');
  return text.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0 && !FILLER.test(w));
}

export function pascalFromTitle(title: string): string {
  const name = titleWords(title).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z]/.test(name) ? name : `Api${name}`;
}

export function kebabFromTitle(title: string): string {
  const name = titleWords(title).map((w) => w.toLowerCase()).join('-');
  return `${name || 'api'}-client`;
}

/** `GitHub` → `GITHUB`, `Swagger Petstore` → `SWAGGER_PETSTORE`: one title word, one part (not `GIT_HUB`). */
export function envPrefixFromTitle(title: string): string {
  const name = titleWords(title).map((w) => w.toUpperCase()).join('_');
  return /^[A-Z]/.test(name) ? name : `API${name ? `_${name}` : ''}`;
}
