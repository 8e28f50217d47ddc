// The rules of the tools that read Khabar's exports, written as executable checks from their
// documented behaviour (not their code): conlleval for CoNLL. A test that passes here passes there.

/** What conlleval reports for a `token … GOLD GUESS` stream. */
export interface ConllevalResult {
  tokens: number;
  goldPhrases: number;
  guessedPhrases: number;
  correctPhrases: number;
}

/**
 * conlleval's reading of its input (CoNLL-2000 evaluation script, default options):
 * - fields are separated by a single space; every non-empty line must have as many fields as the
 *   first one, or it stops with "unexpected number of features"; fewer than two is an error;
 * - an empty line, or a line whose first field is `-X-`, ends a sentence (its tags count as O);
 *   nothing else is special, so a `-DOCSTART-` line is an ordinary token with ordinary tags;
 * - the last field is the guessed tag, the one before it the gold tag; a tag is `PREFIX-TYPE`
 *   split at its first hyphen, or a bare prefix with no type;
 * - a phrase starts at B, at I after O, and wherever a non-O tag changes type; it ends before
 *   B or O, and before a change of type. A phrase is correct when gold and guess start it
 *   together, end it together and agree on its type.
 */
export function conlleval(input: string): ConllevalResult {
  let fieldCount = -1;
  let tokens = 0;
  let gold = 0;
  let guessed = 0;
  let correct = 0;
  let inCorrect = false;
  let prevG = { tag: 'O', type: '' };
  let prevP = { tag: 'O', type: '' };
  const lines = input.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, n) => {
    let fields = line === '' ? [] : line.split(' ');
    if (fields.length > 0) {
      if (fieldCount < 0) fieldCount = fields.length;
      else if (fields.length !== fieldCount) throw new Error(`conlleval: unexpected number of features on line ${n + 1}: ${fields.length} (${fieldCount})`);
    }
    const boundary = fields.length === 0 || fields[0] === '-X-';
    if (boundary) fields = ['-X-', 'O', 'O'];
    if (fields.length < 2) throw new Error(`conlleval: unexpected number of features in line ${n + 1}`);
    const split = (t: string): { tag: string; type: string } => {
      const i = t.indexOf('-');
      return i < 0 ? { tag: t, type: '' } : { tag: t.slice(0, i), type: t.slice(i + 1) };
    };
    const p = split(fields[fields.length - 1]!);
    const g = split(fields[fields.length - 2]!);
    if (boundary) p.tag = 'O';
    const ends = (a: { tag: string; type: string }, b: { tag: string; type: string }): boolean =>
      ((a.tag === 'B' || a.tag === 'I') && (b.tag === 'B' || b.tag === 'O')) || (a.tag !== 'O' && a.tag !== '.' && a.type !== b.type);
    const starts = (a: { tag: string; type: string }, b: { tag: string; type: string }): boolean =>
      b.tag === 'B' || (a.tag === 'O' && b.tag === 'I') || (b.tag !== 'O' && b.tag !== '.' && a.type !== b.type);
    if (inCorrect) {
      const eg = ends(prevG, g);
      const ep = ends(prevP, p);
      if (eg && ep && prevG.type === prevP.type) {
        inCorrect = false;
        correct++;
      } else if (eg !== ep || g.type !== p.type) {
        inCorrect = false;
      }
    }
    const sg = starts(prevG, g);
    const sp = starts(prevP, p);
    if (sg && sp && g.type === p.type) inCorrect = true;
    if (sg) gold++;
    if (sp) guessed++;
    if (!boundary) tokens++;
    prevG = g;
    prevP = p;
  });
  if (inCorrect) correct++;
  return { tokens, goldPhrases: gold, guessedPhrases: guessed, correctPhrases: correct };
}

/** `paste -d' ' gold <(cut -d' ' -f2 guess)`: a gold file with another file's tag column beside it. */
export function pasteTags(goldFile: string, guessFile: string): string {
  const g = goldFile.split('\n');
  const p = guessFile.split('\n');
  if (g.length !== p.length) throw new Error(`files differ in length: ${g.length} and ${p.length} lines`);
  return g
    .map((line, i) => {
      const q = p[i]!;
      if ((line === '') !== (q === '')) throw new Error(`line ${i + 1}: a blank line in one file only`);
      return line === '' ? '' : `${line} ${q.split(' ').pop()!}`;
    })
    .join('\n');
}

/**
 * Label Studio's acceptance of an import against a labelling config, as its docs describe it: a
 * `.json` file is one JSON value, a list of tasks (or one task); every task has a `data` object
 * holding the key the object tag names (`value="$text"`); every region of an annotation or
 * prediction names a control tag (`from_name`) that exists, of the type it says (`labels` for
 * `<Labels>`), pointing at that control's object tag (`to_name`), with label values the control
 * declares; text regions count code points and their `text` is the data at those offsets.
 * Returns the problems found (none when Label Studio would take the file as it is).
 */
export function labelStudioProblems(config: string, file: string): string[] {
  const problems: string[] = [];
  const controls = new Map<string, { type: string; toName: string; values: Set<string> }>();
  for (const m of config.matchAll(/<(Labels)\s+name="([^"]+)"\s+toName="([^"]+)"\s*>([\s\S]*?)<\/Labels>/g)) {
    const values = new Set([...m[4]!.matchAll(/<Label\s+value="([^"]+)"/g)].map((v) => v[1]!));
    controls.set(m[2]!, { type: m[1]!.toLowerCase(), toName: m[3]!, values });
  }
  const objects = new Map<string, string>();
  for (const m of config.matchAll(/<Text\s+name="([^"]+)"\s+value="\$([^"]+)"/g)) objects.set(m[1]!, m[2]!);
  if (!/^<View>[\s\S]*<\/View>\s*$/.test(config)) problems.push('config: the root tag is not <View>');
  let parsed: unknown;
  try {
    parsed = JSON.parse(file);
  } catch (e) {
    return [`not one JSON value: ${(e as Error).message}`];
  }
  const tasks = Array.isArray(parsed) ? parsed : [parsed];
  tasks.forEach((t: unknown, i) => {
    const task = t as { data?: Record<string, unknown>; annotations?: unknown; predictions?: unknown };
    if (typeof task !== 'object' || task === null || typeof task.data !== 'object' || task.data === null) {
      problems.push(`task ${i + 1}: no data object`);
      return;
    }
    for (const [name, key] of objects) if (typeof task.data[key] !== 'string') problems.push(`task ${i + 1}: data has no "${key}" for <Text name="${name}">`);
    for (const field of ['annotations', 'predictions'] as const) {
      const list = task[field];
      if (list === undefined) continue;
      if (!Array.isArray(list)) {
        problems.push(`task ${i + 1}: ${field} is not a list`);
        continue;
      }
      for (const a of list as Array<{ result?: unknown }>) {
        if (!Array.isArray(a.result)) {
          problems.push(`task ${i + 1}: ${field} entry without a result list`);
          continue;
        }
        for (const r of a.result as Array<{ from_name?: string; to_name?: string; type?: string; value?: { start?: number; end?: number; text?: string; labels?: string[] } }>) {
          const c = controls.get(r.from_name ?? '');
          const where = `task ${i + 1}: ${field}: region ${JSON.stringify(r.value?.text)}`;
          if (!c) {
            problems.push(`${where}: from_name ${r.from_name} is not a control in the config`);
            continue;
          }
          if (r.type !== c.type) problems.push(`${where}: type ${r.type} is not ${c.type}`);
          if (r.to_name !== c.toName || !objects.has(r.to_name)) problems.push(`${where}: to_name ${r.to_name} is not the control's object`);
          for (const l of r.value?.labels ?? []) if (!c.values.has(l)) problems.push(`${where}: label ${l} is not in the config`);
          const text = task.data[objects.get(c.toName) ?? ''];
          const { start, end } = r.value ?? {};
          if (typeof text !== 'string' || typeof start !== 'number' || typeof end !== 'number' || Array.from(text).slice(start, end).join('') !== r.value?.text) {
            problems.push(`${where}: code point offsets ${start}..${end} do not give the text`);
          }
        }
      }
    }
  });
  return problems;
}

/**
 * brat's verify_annotations, as its documentation and configuration describe it, for one `.ann`
 * against an `annotation.conf`:
 * - every text-bound type is declared in [entities], every relation in [relations], and an
 *   attribute only on the types its `Arg:` names, with a value from its `Value:` list;
 * - a relation's arguments have the types its declaration allows (in either order);
 * - any two text-bound annotations whose extents (first start to last end) overlap are an error
 *   unless an `<OVERLAP>` line in [relations] allows it: for the pair (type A, type B) the overlap
 *   kinds are those of the rules with A among Arg1 and B among Arg2. Identical spans need `equal`,
 *   A properly inside B needs `contain` for (A, B), crossing spans need `cross`, each in either
 *   order for `equal` and `cross`; `<ANY>` in either order allows every kind. `<ENTITY>` stands
 *   for every declared entity type.
 * Returns the errors brat would list (none when it is silent).
 */
export function bratProblems(conf: string, ann: string): string[] {
  const sections = new Map<string, string[]>();
  let section = '';
  for (const line of conf.split('\n')) {
    const m = /^\s*\[(.*)\]\s*$/.exec(line);
    if (m) section = m[1]!;
    else if (line.trim() !== '' && !/^\s*#/.test(line)) sections.set(section, [...(sections.get(section) ?? []), line.trim()]);
  }
  const entityTypes = new Set((sections.get('entities') ?? []).map((l) => l.split(/\s+/)[0]!));
  const expand = (list: string): Set<string> => new Set(list.split('|').flatMap((t) => (t === '<ENTITY>' || t === '<ANY>' ? [...entityTypes] : [t])));
  const argsOf = (rest: string): Map<string, string> => new Map(rest.split(',').map((a) => a.trim()).filter(Boolean).map((a) => [a.slice(0, a.indexOf(':')), a.slice(a.indexOf(':') + 1)]));
  const overlapRules: Array<{ a: Set<string>; b: Set<string>; kinds: Set<string> }> = [];
  const relations = new Map<string, Array<{ a: Set<string>; b: Set<string> }>>();
  for (const line of sections.get('relations') ?? []) {
    const [name, ...rest] = line.split(/\s+/);
    const args = argsOf(rest.join(' '));
    const a = expand(args.get('Arg1') ?? '');
    const b = expand(args.get('Arg2') ?? '');
    if (name === '<OVERLAP>') overlapRules.push({ a, b, kinds: new Set((args.get('<OVL-TYPE>') ?? '').split('|')) });
    else relations.set(name!, [...(relations.get(name!) ?? []), { a, b }]);
  }
  const attributes = new Map<string, { on: Set<string>; values?: Set<string> }>();
  for (const line of sections.get('attributes') ?? []) {
    const [name, ...rest] = line.split(/\s+/);
    const args = argsOf(rest.join(' '));
    const values = args.get('Value');
    attributes.set(name!, { on: expand(args.get('Arg') ?? ''), ...(values === undefined ? {} : { values: new Set(values.split('|')) }) });
  }
  const kinds = (inner: string, outer: string): Set<string> => {
    const out = new Set<string>();
    for (const r of overlapRules) if (r.a.has(inner) && r.b.has(outer)) for (const k of r.kinds) out.add(k);
    return out;
  };
  const allows = (kind: 'equal' | 'cross', t1: string, t2: string): boolean =>
    [kinds(t1, t2), kinds(t2, t1)].some((k) => k.has(kind) || k.has('<ANY>'));
  const canBeInside = (inner: string, outer: string): boolean => kinds(inner, outer).has('contain') || kinds(inner, outer).has('<ANY>') || kinds(outer, inner).has('<ANY>');

  const problems: string[] = [];
  const spans = new Map<string, { type: string; start: number; end: number }>();
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    const id = cols[0]!;
    if (id.startsWith('T')) {
      const m = /^(\S+) (.*)$/.exec(cols[1] ?? '');
      if (!m) {
        problems.push(`${id}: malformed`);
        continue;
      }
      const nums = m[2]!.split(/[ ;]/).map(Number);
      spans.set(id, { type: m[1]!, start: Math.min(...nums), end: Math.max(...nums) });
      if (!entityTypes.has(m[1]!)) problems.push(`${id}: ${m[1]} is not a known textbound type`);
    }
  }
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    const id = cols[0]!;
    const parts = (cols[1] ?? '').split(' ');
    if (id.startsWith('A')) {
      const [name, target, value] = parts;
      const def = attributes.get(name!);
      const t = spans.get(target!);
      if (!def || !t || !def.on.has(t.type)) problems.push(`${id}: ${t?.type} cannot take a ${name} attribute`);
      else if (def.values && (value === undefined || !def.values.has(value))) problems.push(`${id}: ${value} is not a value of ${name}`);
    } else if (id.startsWith('R')) {
      const [name, arg1, arg2] = parts;
      const t1 = spans.get((arg1 ?? '').replace(/^Arg1:/, ''));
      const t2 = spans.get((arg2 ?? '').replace(/^Arg2:/, ''));
      const ok = t1 && t2 && (relations.get(name!) ?? []).some((r) => (r.a.has(t1.type) && r.b.has(t2.type)) || (r.a.has(t2.type) && r.b.has(t1.type)));
      if (!ok) problems.push(`${id}: ${name} relation not allowed between ${t1?.type} and ${t2?.type}`);
    }
  }
  for (const [id1, a1] of spans) {
    for (const [id2, a2] of spans) {
      if (id1 === id2 || !(a2.start < a1.end && a2.end > a1.start)) continue;
      if (a1.start === a2.start && a1.end === a2.end) {
        if (!allows('equal', a1.type, a2.type)) problems.push(`${id1}: ${a1.type} cannot have identical span with ${a2.type} ${id2}`);
      } else if (a2.start <= a1.start && a1.end <= a2.end) {
        if (!canBeInside(a1.type, a2.type)) problems.push(`${id1}: ${a1.type} cannot be contained in ${a2.type} (${id2})`);
      } else if (a1.start <= a2.start && a2.end <= a1.end) {
        if (!canBeInside(a2.type, a1.type)) problems.push(`${id1}: ${a1.type} cannot contain ${a2.type} (${id2})`);
      } else if (!allows('cross', a1.type, a2.type)) {
        problems.push(`${id1}: ${a1.type} cannot have crossing span with ${id2}`);
      }
    }
  }
  return problems;
}

const ANNO = 'http://www.w3.org/ns/anno.jsonld';
const MOTIVATIONS = new Set(['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging']);
/** RFC 3339 date-time, the `date-time` format the schemas use for created and modified. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function isAbsoluteIri(v: unknown): boolean {
  if (typeof v !== 'string' || !/^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/.test(v)) return false;
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
}

/**
 * The rules of the W3C web-annotation-tests JSON schemas (and the model they test) for a
 * collection of annotations, as executable checks:
 * - collection: `@context` is the anno.jsonld context, `id` an absolute IRI, `type`
 *   AnnotationCollection, `label` a string, `total` an integer ≥ 0, and a `first` page when total > 0;
 * - page: `id` an absolute IRI, `type` AnnotationPage, `partOf` the collection, `items` annotations;
 * - annotation: `@context`, `id` an absolute IRI, `type` Annotation, a `target`; `motivation` and
 *   each body's `purpose` from the model's motivation vocabulary; `created`/`modified` date-times;
 * - bodies: a TextualBody has a string `value`; a SpecificResource an absolute IRI `source`;
 * - target: an absolute IRI `source`; a TextQuoteSelector a string `exact`; a TextPositionSelector
 *   integer `start` ≤ `end`, both ≥ 0;
 * - and, Khabar's own rule, every IRI anywhere is http or https.
 */
export function w3cProblems(collection: unknown): string[] {
  const problems: string[] = [];
  const c = collection as Record<string, unknown>;
  const need = (ok: boolean, what: string): void => void (ok || problems.push(what));
  need(c['@context'] === ANNO, 'collection: @context');
  need(isAbsoluteIri(c.id), `collection: id ${JSON.stringify(c.id)} is not an absolute IRI`);
  need(c.type === 'AnnotationCollection', 'collection: type');
  need(c.label === undefined || typeof c.label === 'string', 'collection: label');
  need(Number.isInteger(c.total) && (c.total as number) >= 0, 'collection: total');
  const page = c.first as Record<string, unknown> | undefined;
  if ((c.total as number) > 0) need(page !== undefined, 'collection: total > 0 without first');
  if (page !== undefined) {
    need(isAbsoluteIri(page.id), `page: id ${JSON.stringify(page.id)} is not an absolute IRI`);
    need(page.type === 'AnnotationPage', 'page: type');
    need(page.partOf === undefined || page.partOf === c.id, 'page: partOf is not the collection');
    need(Array.isArray(page.items), 'page: items');
    const items = (page.items ?? []) as Array<Record<string, unknown>>;
    need(items.length === c.total, 'collection: total is not the number of items');
    const ids = new Set<unknown>();
    items.forEach((a, i) => {
      const w = `annotation ${i + 1}`;
      need(a['@context'] === ANNO, `${w}: @context`);
      need(isAbsoluteIri(a.id), `${w}: id ${JSON.stringify(a.id)} is not an absolute IRI`);
      need(!ids.has(a.id), `${w}: id repeated`);
      ids.add(a.id);
      need(a.type === 'Annotation', `${w}: type`);
      need(a.motivation === undefined || MOTIVATIONS.has(a.motivation as string), `${w}: motivation ${a.motivation}`);
      for (const k of ['created', 'modified']) need(a[k] === undefined || (typeof a[k] === 'string' && DATE_TIME.test(a[k] as string)), `${w}: ${k} ${a[k]} is not a date-time`);
      for (const b of ([] as Array<Record<string, unknown>>).concat((a.body ?? []) as Array<Record<string, unknown>>)) {
        need(b.purpose === undefined || MOTIVATIONS.has(b.purpose as string), `${w}: body purpose ${b.purpose}`);
        if (b.type === 'TextualBody') need(typeof b.value === 'string', `${w}: TextualBody without a string value`);
        else if (b.type === 'SpecificResource') need(isAbsoluteIri(b.source), `${w}: SpecificResource source ${JSON.stringify(b.source)}`);
        else need(isAbsoluteIri(b.id), `${w}: body of type ${b.type} without an IRI id`);
      }
      const t = a.target as { source?: unknown; selector?: Array<Record<string, unknown>> } | undefined;
      need(t !== undefined, `${w}: no target`);
      need(isAbsoluteIri(t?.source), `${w}: target source ${JSON.stringify(t?.source)} is not an absolute IRI`);
      for (const s of t?.selector ?? []) {
        if (s.type === 'TextQuoteSelector') need(typeof s.exact === 'string', `${w}: TextQuoteSelector exact`);
        if (s.type === 'TextPositionSelector') {
          need(Number.isInteger(s.start) && Number.isInteger(s.end) && (s.start as number) >= 0 && (s.start as number) <= (s.end as number), `${w}: TextPositionSelector`);
        }
      }
    });
  }
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (/^\s*[A-Za-z][A-Za-z0-9+.-]*:/.test(v) && isAbsoluteIri(v.trim()) && !/^https?:/i.test(v.trim()) && !/^urn:/i.test(v.trim())) problems.push(`a non-http(s) IRI is written: ${v.slice(0, 40)}`);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== '@context') walk(x);
  };
  walk(collection);
  return problems;
}

/**
 * Google's ClaimReview structured-data rules (Fact Check markup), as checks on one review:
 * required `claimReviewed`, `reviewRating` with `alternateName`, and `url` (the fact-check page,
 * an absolute http(s) URL); recommended `author` (Organization or Person with a name),
 * `datePublished` (ISO date), `itemReviewed` a Claim with `author`, `datePublished` and
 * `appearance` (CreativeWork with a url); a numeric rating within its best/worst; and the advice
 * that `claimReviewed` stays within about 75 characters.
 */
export function claimReviewProblems(review: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string): void => void (ok || problems.push(what));
  const isUrl = (v: unknown): boolean => typeof v === 'string' && /^https?:\/\/\S+$/.test(v);
  need(review['@context'] === 'https://schema.org', '@context');
  need(review['@type'] === 'ClaimReview', '@type');
  need(typeof review.claimReviewed === 'string' && review.claimReviewed !== '', 'claimReviewed');
  need(typeof review.claimReviewed === 'string' && Array.from(review.claimReviewed).length <= 75, 'claimReviewed longer than 75 characters');
  need(isUrl(review.url), 'url');
  const rating = review.reviewRating as Record<string, unknown> | undefined;
  need(rating?.['@type'] === 'Rating' && typeof rating.alternateName === 'string' && rating.alternateName !== '', 'reviewRating.alternateName');
  if (rating?.ratingValue !== undefined) {
    const [v, best, worst] = [rating.ratingValue, rating.bestRating, rating.worstRating] as number[];
    need(typeof v === 'number' && typeof best === 'number' && typeof worst === 'number' && worst <= v! && v! <= best!, 'reviewRating value outside best/worst');
  }
  const author = review.author as Record<string, unknown> | undefined;
  need((author?.['@type'] === 'Organization' || author?.['@type'] === 'Person') && typeof author.name === 'string', 'author');
  need(typeof review.datePublished === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(review.datePublished), 'datePublished');
  const item = review.itemReviewed as Record<string, unknown> | undefined;
  need(item?.['@type'] === 'Claim', 'itemReviewed Claim');
  const ia = item?.author as Record<string, unknown> | undefined;
  need(ia === undefined || ((ia['@type'] === 'Organization' || ia['@type'] === 'Person') && typeof ia.name === 'string'), 'itemReviewed.author');
  const app = item?.appearance as Record<string, unknown> | undefined;
  need(app === undefined || isUrl(app.url), 'itemReviewed.appearance url');
  return problems;
}

/**
 * What Prodigy's manual span recipes need of a pre-tokenised task: tokens with ids 0, 1, 2, … in
 * order, non-overlapping, each `text` the text at its code point offsets; every span's
 * `token_start`/`token_end` (inclusive) name tokens whose start and end are the span's own start
 * and end, so the span can be shown and edited token by token.
 */
export function prodigyProblems(task: {
  text: string;
  tokens: Array<{ text: string; start: number; end: number; id: number }>;
  spans: Array<{ start: number; end: number; token_start: number; token_end: number; label: string }>;
}): string[] {
  const problems: string[] = [];
  const cps = Array.from(task.text);
  let prevEnd = 0;
  task.tokens.forEach((t, i) => {
    if (t.id !== i) problems.push(`token ${i}: id ${t.id}`);
    if (t.start < prevEnd || t.end <= t.start) problems.push(`token ${i}: offsets ${t.start}..${t.end} overlap or are empty`);
    if (cps.slice(t.start, t.end).join('') !== t.text) problems.push(`token ${i}: text is not the text at its offsets`);
    prevEnd = t.end;
  });
  for (const s of task.spans) {
    const a = task.tokens[s.token_start];
    const b = task.tokens[s.token_end];
    if (!a || !b || s.token_end < s.token_start) problems.push(`span ${s.start}..${s.end}: token indexes`);
    else if (a.start !== s.start || b.end !== s.end) problems.push(`span ${s.start}..${s.end} ${s.label}: tokens ${a.start}..${b.end} (${a.text} … ${b.text}) do not start and end with it`);
  }
  return problems;
}

/**
 * A strict reading of Khabar's HTML report (stricter than a browser, which repairs anything):
 * after `<!DOCTYPE html>`, only comments, known tags with double-quoted attributes and text; every
 * non-void element closes, in order, and nothing is left open; no `<` or `>` in text (article text
 * that was not escaped would show up here), every `&` starts a character reference; no script, no
 * event-handler or style attribute, no link other than http(s); `<style>` holds CSS and no `<`.
 * Returns the problems and the document's `<title>` text.
 */
export function htmlReportProblems(html: string): { problems: string[]; title?: string } {
  const problems: string[] = [];
  const VOID = new Set(['meta', 'br', 'hr', 'img', 'link', 'input', 'col', 'wbr']);
  const ALLOWED = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'section', 'ul', 'ol', 'li', 'p', 'a', 'bdi', 'strong', 'blockquote', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td']);
  const ATTRIBUTES = new Set(['dir', 'lang', 'charset', 'http-equiv', 'content', 'name', 'class', 'href', 'rel']);
  const stack: string[] = [];
  let title: string | undefined;
  let titleStart = -1;
  let i = 0;
  if (!html.startsWith('<!DOCTYPE html>\n')) problems.push('does not start with <!DOCTYPE html>');
  else i = '<!DOCTYPE html>\n'.length;
  const checkText = (text: string, at: number): void => {
    if (/[<>]/.test(text)) problems.push(`raw < or > in text at ${at}: ${JSON.stringify(text.slice(0, 60))}`);
    for (const m of text.matchAll(/&/g)) {
      if (!/^&(?:amp|lt|gt|quot|#39|#\d+|#x[0-9a-f]+);/i.test(text.slice(m.index))) problems.push(`bare & at ${at + m.index}`);
    }
  };
  const tag = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*>/y;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    checkText(html.slice(i, textEnd), i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end < 0) {
        problems.push(`unclosed comment at ${lt}`);
        break;
      }
      i = end + 3;
      continue;
    }
    tag.lastIndex = lt;
    const m = tag.exec(html);
    if (!m) {
      problems.push(`raw < at ${lt}: ${JSON.stringify(html.slice(lt, lt + 40))}`);
      i = lt + 1;
      continue;
    }
    const [whole, slash, name, attrs] = m as unknown as [string, string, string, string];
    i = lt + whole.length;
    if (!ALLOWED.has(name)) problems.push(`element <${name}> at ${lt}`);
    for (const a of attrs.matchAll(/([a-z-]+)="([^"]*)"/g)) {
      const [, key, value] = a as unknown as [string, string, string];
      if (!ATTRIBUTES.has(key)) problems.push(`attribute ${key} on <${name}>`);
      if (key === 'href' && !/^https?:\/\//.test(value)) problems.push(`href ${value}`);
      checkText(value, lt);
    }
    if (slash) {
      if (attrs) problems.push(`attributes on </${name}>`);
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> at ${lt} closes <${open ?? 'nothing'}>`);
      if (name === 'title') title = html.slice(titleStart, lt);
      continue;
    }
    if (VOID.has(name)) continue;
    stack.push(name);
    if (name === 'title') titleStart = i;
    if (name === 'style') {
      const end = html.indexOf('</style>', i);
      if (end < 0 || html.slice(i, end).includes('<')) problems.push('style not closed, or holds markup');
      else i = end;
    }
  }
  if (stack.length > 0) problems.push(`left open: ${stack.join(' > ')}`);
  return title === undefined ? { problems } : { problems, title };
}
