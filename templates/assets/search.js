// SiteGen search: reads the static index written by the build (src/Search/), fetching only the shards a query needs.
// The query is split into terms exactly as src/Search/Tokenizer.cs splits pages; keep the two in step.
(() => {
  'use strict';
  const script = document.currentScript;
  const opts = script.dataset;
  const base = new URL(opts.index, location.href);
  const root = new URL(opts.root, location.href);
  const reader = +opts.lang;
  const $ = (id) => document.getElementById(id);
  const form = $('search-form'), input = $('search-q'), status = $('search-status'), list = $('search-results'), more = $('search-more');
  $('search-nojs').hidden = true;

  const cache = new Map();
  const get = (path) => {
    if (!cache.has(path)) {
      const p = fetch(new URL(path, base)).then((r) => {
        if (!r.ok) throw new Error(r.status + ' ' + path);
        return path.endsWith('.json') ? r.json() : r.text();
      });
      p.catch(() => cache.delete(path)); // a failed shard is fetched again next time
      cache.set(path, p);
    }
    return cache.get(path);
  };

  // Folding: one UTF-16 unit for one, as TextFolder.cs does, so positions in folded text hold in the original.
  let langTags = [], latin = '', simplified = new Map(), phrases = new Map(), longest = 0;
  const foldChar = (c) => {
    const n = c.charCodeAt(0);
    if (n < 65) return c;
    if (n <= 90) return String.fromCharCode(n + 32);
    if (n < 0xC0) return c;
    if (n < 0xC0 + latin.length) return latin[n - 0xC0];
    if (n >= 0xFF01 && n <= 0xFF5E) return foldChar(String.fromCharCode(n - 0xFEE0));
    if (n === 0x3000) return ' ';
    const lower = c.toLowerCase();
    return lower.length === 1 ? lower : c;
  };
  // Only what may change goes through foldChar (kana and Han have no case), then the simplified characters the
  // index folds: the regular expressions do the scanning, which matters for the ten pages a snippet is cut from.
  const CASED = /[A-Z\u00C0-\u2FFF\u3000\uA000-\uFFFF]/g;
  let toTraditional = null;
  const fold = (text) => {
    const out = text.replace(CASED, foldChar);
    return toTraditional ? out.replace(toTraditional, (c) => simplified.get(c)) : out;
  };
  // Mainland phrases to Taiwan ones (TaiwanPhrases.cs), the longest first, on the folded query only.
  const taiwan = (text) => {
    let out = '';
    for (let i = 0; i < text.length;) {
      let n = Math.min(longest, text.length - i);
      while (n > 0 && !phrases.has(text.substr(i, n))) n--;
      if (n) { out += phrases.get(text.substr(i, n)); i += n; } else out += text[i++];
    }
    return out;
  };

  const isHan = (ch) => {
    const n = ch.codePointAt(0);
    return (n >= 0x3040 && n <= 0x30FF) || (n >= 0x3400 && n <= 0x4DBF) || (n >= 0x4E00 && n <= 0x9FFF) ||
      (n >= 0xF900 && n <= 0xFAFF) || (n >= 0x20000 && n <= 0x3FFFF);
  };
  const wordChar = /^[\p{L}\p{Nd}]$/u;

  // Numbers as the parity stage reads them (NumberExtractor.cs): 110,000 = 110000 = 11 萬.
  const NUM = '([0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]+)?)';
  const numbers = () => new RegExp('(?<![0-9.,])' + NUM + '(?:\\s*[-–—~～至到]\\s*' + NUM + ')?(?:\\s*([萬億]))?', 'g');
  const value = (digits, unit) => {
    const parts = digits.replace(/,/g, '').split('.');
    if (parts.length > 2) return null;
    const shift = unit === '萬' ? 4 : unit === '億' ? 8 : 0;
    let frac = (parts[1] || '') + '0'.repeat(shift);
    const whole = (parts[0] + frac.slice(0, shift)).replace(/^0+(?=\d)/, '');
    frac = frac.slice(shift).replace(/0+$/, '');
    return frac ? whole + '.' + frac : whole;
  };
  const valuesOf = (m) => [m[1], m[2]].filter(Boolean).map((d) => value(d, m[3])).filter((v) => v !== null);

  const stem = (w) => {
    if (w.length < 4 || !w.endsWith('s')) return w;
    if (w.endsWith('ies') && !w.endsWith('eies') && !w.endsWith('aies')) return w.slice(0, -3) + 'y';
    if (w.endsWith('es') && !/[aeo]es$/.test(w)) return w.slice(0, -1);
    if (w.endsWith('us') || w.endsWith('ss')) return w;
    return w.slice(0, -1);
  };

  // Terms to look up, and needles to mark in snippets.
  const parse = (query) => {
    const text = taiwan(fold(query));
    const terms = [], needles = [], units = new Set(), nums = [];
    for (const m of text.matchAll(numbers())) {
      for (const v of valuesOf(m)) { terms.push('#' + v); nums.push(v); }
      if (m[3]) units.add(m.index + m[0].length - 1);
    }
    let run = [], word = '', at = 0;
    const endWord = () => {
      if (word && /\D/.test(word)) { terms.push(stem(word)); needles.push(word, stem(word)); }
      word = '';
    };
    const endRun = () => {
      if (run.length === 1) terms.push(run[0]);
      for (let i = 1; i < run.length; i++) terms.push(run[i - 1] + run[i]);
      if (run.length) needles.push(run.join(''));
      run = [];
    };
    for (const ch of text) {
      const han = isHan(ch) && !units.has(at);
      at += ch.length;
      if (han) { endWord(); run.push(ch); continue; }
      endRun();
      if (wordChar.test(ch) && !isHan(ch)) word += ch; else endWord();
    }
    endWord();
    endRun();
    return { terms: [...new Set(terms)], needles: needles.filter(Boolean), nums };
  };

  // A shard: a line per term, the term, a tab and its postings (or `@n`: in file t/n.txt). Parsed once.
  const shards = new Map();
  const shard = (n) => {
    if (!shards.has(n)) {
      const p = get('s/' + n + '.txt').then((text) => {
        const terms = new Map();
        for (const row of text.split('\n')) {
          const tab = row.indexOf('\t');
          if (tab > 0) terms.set(row.slice(0, tab), row.slice(tab + 1));
        }
        return terms;
      });
      p.catch(() => shards.delete(n));
      shards.set(n, p);
    }
    return shards.get(n);
  };

  const hash = (s) => {
    let h = 2166136261;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
    return h;
  };

  // Postings: base64 of (page id delta as a variable-length number, impact 1–255) pairs, page ids ascending.
  const decode = (b64) => {
    const bytes = atob(b64), docs = new Int32Array(bytes.length >> 1), imp = new Uint8Array(bytes.length >> 1);
    let doc = -1, n = 0;
    for (let i = 0; i < bytes.length;) {
      let delta = 0, shift = 0, b;
      do { b = bytes.charCodeAt(i++); delta |= (b & 127) << shift; shift += 7; } while (b & 128);
      docs[n] = doc += delta;
      imp[n++] = bytes.charCodeAt(i++);
    }
    return { docs, imp, n };
  };

  // Pages with every term, each scored once (BM25: the term's rarity times the page's impact), a translation group
  // kept once with its best page. Lists are walked side by side (ids ascending), so a group's pages come together.
  const rank = (meta, postings) => {
    const pages = meta.pages, langs = meta.languages.length;
    const lists = postings.map(decode).sort((a, b) => a.n - b.n);
    const idf = lists.map((l) => Math.log(1 + (pages - l.n + 0.5) / (l.n + 0.5)));
    const at = lists.map(() => 0), first = lists[0];
    const hits = { g: [], lang: [], score: [] };
    let last = -1;
    outer: for (let i = 0; i < first.n; i++) {
      const doc = first.docs[i];
      let score = idf[0] * first.imp[i];
      for (let k = 1; k < lists.length; k++) {
        const l = lists[k];
        let j = at[k];
        while (j < l.n && l.docs[j] < doc) j++;
        at[k] = j;
        if (j === l.n) break outer;
        if (l.docs[j] !== doc) continue outer;
        score += idf[k] * l.imp[j];
      }
      const g = Math.floor(doc / langs), lang = doc % langs, h = hits.g.length - 1;
      if (g !== last) { hits.g.push(g); hits.lang.push(lang); hits.score.push(score); last = g; }
      else if (score > hits.score[h] || (score === hits.score[h] && lang === reader)) { hits.lang[h] = lang; hits.score[h] = score; }
    }
    return hits;
  };

  // The best k hits in order (score, then group), without sorting every hit: most queries show ten of thousands.
  const top = (hits, k) => {
    const best = [], s = hits.score, g = hits.g;
    const before = (a, b) => s[a] > s[b] || (s[a] === s[b] && g[a] < g[b]);
    for (let i = 0; i < g.length; i++) {
      if (best.length === k && !before(i, best[k - 1])) continue;
      let j = best.length < k ? best.length : k - 1;
      while (j > 0 && before(i, best[j - 1])) { best[j] = best[j - 1]; j--; }
      best[j] = i;
    }
    return best.map((i) => ({ g: g[i], lang: hits.lang[i] }));
  };

  // Marks needles (and numbers of the same value) in text; returns [start, end] ranges.
  const matches = (text, q) => {
    const folded = fold(text), ranges = [];
    for (const needle of q.needles) {
      for (let i = folded.indexOf(needle); i >= 0; i = folded.indexOf(needle, i + needle.length)) ranges.push([i, i + needle.length]);
    }
    if (q.nums.length) {
      for (const m of folded.matchAll(numbers())) {
        if (valuesOf(m).some((v) => q.nums.includes(v))) ranges.push([m.index, m.index + m[0].length]);
      }
    }
    return ranges.sort((a, b) => a[0] - b[0]);
  };

  // How many of the query's needles (and numbers) a folded text holds.
  const found = (folded, q) => {
    let n = 0;
    for (const needle of new Set(q.needles)) if (folded.includes(needle)) n++;
    if (q.nums.length) for (const m of folded.matchAll(numbers())) if (valuesOf(m).some((v) => q.nums.includes(v))) n++;
    return n;
  };

  const snippet = (doc, q) => {
    let best = doc.passages[0] || ['', ''], most = 0;
    for (const p of doc.passages) {
      const n = found(fold(p[1]), q);
      if (n > most) { best = p; most = n; }
    }
    const text = best[1], ranges = most ? matches(text, q) : [], first = ranges.length ? ranges[0][0] : 0;
    const start = Math.max(0, first - 50), end = Math.min(text.length, start + 180);
    const p = document.createElement('p');
    p.className = 'search-snippet';
    p.lang = doc.lang;
    if (start > 0) p.append('…');
    let at = start;
    for (const [s, e] of ranges) {
      if (s < at || e > end) continue;
      p.append(text.slice(at, s));
      const mark = document.createElement('mark');
      mark.textContent = text.slice(s, e);
      p.append(mark);
      at = e;
    }
    p.append(text.slice(at, end));
    if (end < text.length) p.append('…');
    return { element: p, passage: best };
  };

  // Where a passage of one page is in its translation: the heading at the same place in the outline (as the parity
  // check pairs them), or the nearest before it; a data entry by its id; else the top of the page.
  const counterpart = (passage, doc) => {
    if (!passage || !passage[0]) return '';
    if (passage[2] === undefined) return doc.passages.some((p) => p[0] === passage[0] && p[2] === undefined) ? passage[0] : '';
    let anchor = '';
    for (const p of doc.passages) if (p[2] !== undefined && p[2] <= passage[2]) anchor = p[0];
    return anchor;
  };

  const link = (doc, anchor, className) => {
    const a = document.createElement('a');
    a.href = new URL(doc.url, root).href + (anchor ? '#' + encodeURIComponent(anchor) : '');
    a.textContent = doc.title;
    if (className) a.className = className;
    if (doc.lang !== document.documentElement.lang) { a.lang = doc.lang; a.hreflang = doc.lang; }
    return a;
  };

  const line = (className, ...parts) => {
    const p = document.createElement('p');
    p.className = className;
    p.append(...parts);
    return p;
  };

  const item = (group, hit, q) => {
    const matched = group[hit.lang], shown = group[reader] || matched;
    const quote = snippet(matched, q), anchor = (doc) => doc === matched ? quote.passage[0] : counterpart(quote.passage, doc);
    const li = document.createElement('li');
    li.append(link(shown, anchor(shown), 'search-hit'));
    if (shown.section) li.append(line('search-section', shown.section));
    li.append(quote.element);
    const other = shown === matched ? group.find((d, i) => d && i !== reader) : matched;
    if (other) {
      const label = shown === matched ? opts.translation : opts.matched;
      li.append(line('search-other', label + ' ', link(other, anchor(other))));
    }
    return li;
  };

  // Results ten at a time: each needs its group file, and the first query's bytes are what a reader waits for.
  const PAGE = 10;
  let pending = null;
  const show = async (hits, q, run, next = top(hits, list.children.length + PAGE).slice(list.children.length)) => {
    const groups = await Promise.all(next.map((h) => get('g/' + h.g + '.json')));
    if (run !== latest) return;
    for (const group of groups) group.forEach((doc, i) => { if (doc) doc.lang = langTags[i]; });
    performance.mark('search-groups');
    const items = next.map((h, i) => item(groups[i], h, q));
    list.append(...items);
    more.hidden = list.children.length >= hits.g.length;
    pending = more.hidden ? null : () => show(hits, q, run);
    return items;
  };
  more.hidden = true;
  more.addEventListener('click', async () => {
    const items = pending && await pending();
    if (items && items.length) items[0].querySelector('a').focus();
  });

  const say = (template, count, query) => template.replace('{count}', count).replace('{query}', query);
  let latest = 0;

  const search = async (query) => {
    const run = ++latest;
    list.replaceChildren();
    more.hidden = true;
    status.classList.remove('search-error');
    if (!query.trim()) { status.textContent = ''; return; }
    try {
      const meta = await get('index.json');
      latin = meta.latin;
      langTags = meta.languages;
      simplified = new Map();
      for (let i = 0; i + 1 < meta.fold.length; i += 2) simplified.set(meta.fold[i], meta.fold[i + 1]);
      toTraditional = simplified.size ? new RegExp('[' + [...simplified.keys()].join('') + ']', 'g') : null;
      phrases = new Map();
      for (let i = 0; i + 1 < meta.phrases.length; i += 2) phrases.set(meta.phrases[i], meta.phrases[i + 1]);
      longest = Math.max(0, ...[...phrases.keys()].map((k) => k.length));
      const q = parse(query);
      let hits = { g: [] }, first = [];
      if (q.terms.length) {
        const parts = await Promise.all(q.terms.map((t) => shard(hash(t) & (meta.shards - 1))));
        const postings = await Promise.all(q.terms.map((t, i) => {
          const v = parts[i].get(t); // a Map: no `constructor` from Object.prototype
          return v === undefined ? null : v[0] === '@' ? get('t/' + v.slice(1) + '.txt') : v;
        }));
        if (run !== latest) return;
        performance.mark('search-fetched');
        if (postings.every((p) => p !== null)) first = top(hits = rank(meta, postings), PAGE);
        performance.mark('search-ranked');
      }
      await show(hits, q, run, first);
      if (run !== latest) return;
      const count = hits.g.length;
      status.textContent = say(count === 0 ? opts.none : count === 1 ? opts.result : opts.results, count, query);
      performance.mark('search-rendered');
    } catch (e) {
      if (run !== latest) return;
      status.classList.add('search-error');
      status.textContent = opts.error;
      console.warn('search:', e.message);
    }
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('q', input.value);
    history.replaceState(null, '', url);
    search(input.value);
  });
  const initial = new URLSearchParams(location.search).get('q') || '';
  input.value = initial;
  if (initial) search(initial);
})();
