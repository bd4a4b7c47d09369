/**
 * The one vocabulary of resource methods (docs/naming.md): what a spec's own verbs mean in it, and
 * the little English the names need (one or many of a noun).
 */
import { words } from './naming.js';

export type VocabularyVerb = 'list' | 'get' | 'create' | 'update' | 'replace' | 'delete';

/** A spec's verbs that mean one of the vocabulary's (`addPet` creates, `removeUser` deletes). */
const SYNONYMS: Record<string, VocabularyVerb> = {
  list: 'list',
  get: 'get', fetch: 'get', retrieve: 'get', read: 'get', show: 'get', describe: 'get',
  create: 'create', add: 'create', new: 'create', insert: 'create',
  update: 'update', edit: 'update', modify: 'update',
  replace: 'replace',
  delete: 'delete', remove: 'delete', destroy: 'delete', del: 'delete',
};

/**
 * The vocabulary verb a spec's own verb stands for, if any. HTTP method names written as a verb
 * (`postComment`, `putWebhook`) are not synonyms: they say nothing the HTTP method does not.
 */
export function vocabularyVerb(verb: string | undefined): VocabularyVerb | undefined {
  return verb !== undefined && Object.hasOwn(SYNONYMS, verb) ? SYNONYMS[verb] : undefined;
}

/** `Webhooks`, `dev_resources`, `Stats`: the last word names several (`Status`, `Address` do not). */
export function isPlural(noun: string): boolean {
  const last = words(noun).at(-1)?.toLowerCase() ?? '';
  return /[^s]s$/.test(last) && !/(us|is)$/.test(last);
}

/** `comments` → `comment`, `dev_resources` → `dev_resource`, `policies` → `policy`; other words unchanged. */
export function singular(noun: string): string {
  if (!isPlural(noun)) return noun;
  if (/ies$/i.test(noun)) return noun.replace(/ies$/i, 'y');
  if (/(ches|shes|sses|xes|zes)$/i.test(noun)) return noun.slice(0, -2);
  return noun.slice(0, -1);
}

/** Whether two nouns are the same one, whatever their case, separators or number (`folder`, `Folders`). */
export function sameNoun(a: string, b: string): boolean {
  const norm = (s: string) => singular(words(s).join('').toLowerCase());
  return norm(a) === norm(b);
}
