// A small Markdown renderer that builds DOM nodes and never parses HTML: whatever a reply or a member's name
// contains is shown as text. Paragraphs, lists, tables, headings, **bold**, *italics* or _italics_ (never inside a
// word: segment names have underscores), `code`, and links to this
// site only (others show as text).

export function renderMarkdown(source) {
  const root = document.createDocumentFragment();
  const lines = String(source ?? '').replace(/\r/g, '').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) { i++; continue; }
    if (/^\|.*\|\s*$/.test(line) && i + 1 < lines.length && /^\|[\s:|-]+\|\s*$/.test(lines[i + 1])) {
      const rows = [];
      rows.push(cells(line)); i += 2;
      while (i < lines.length && /^\|.*\|\s*$/.test(lines[i])) rows.push(cells(lines[i++]));
      root.append(table(rows));
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading) { const h = document.createElement(`h${Math.min(heading[1].length + 2, 6)}`); inline(h, heading[2]); root.append(h); i++; continue; }
    if (/^\s*(\d+\.|[-*])\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const list = document.createElement(ordered ? 'ol' : 'ul');
      while (i < lines.length && /^\s*(\d+\.|[-*])\s+/.test(lines[i])) {
        const item = document.createElement('li');
        inline(item, lines[i].replace(/^\s*(\d+\.|[-*])\s+/, ''));
        list.append(item); i++;
      }
      root.append(list);
      continue;
    }
    const paragraph = document.createElement('p');
    const text = [];
    while (i < lines.length && lines[i].trim() && !/^\s*(\d+\.|[-*])\s+/.test(lines[i]) && !/^\|/.test(lines[i]) && !/^#{1,4}\s/.test(lines[i])) text.push(lines[i++]);
    text.forEach((t, n) => { if (n) paragraph.append(document.createElement('br')); inline(paragraph, t); });
    root.append(paragraph);
  }
  return root;
}

function cells(line) { return line.trim().replace(/^\||\|$/g, '').split('|').map(c => c.trim()); }

function table(rows) {
  const element = document.createElement('table');
  rows.forEach((row, r) => {
    const tr = element.insertRow();
    row.forEach(cell => { const td = document.createElement(r === 0 ? 'th' : 'td'); inline(td, cell); tr.append(td); });
  });
  return element;
}

const INLINE = /(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|(?<!\w)_[^_\s][^_]*_(?!\w)|`[^`]+`|\[[^\]]+\]\([^)\s]+\))/;

/** Appends text with inline formatting to parent, as text nodes and safe elements only. */
export function inline(parent, text) {
  for (const part of String(text).split(INLINE)) {
    if (!part) continue;
    let node;
    if (/^\*\*[^*]+\*\*$/.test(part)) { node = document.createElement('strong'); node.textContent = part.slice(2, -2); }
    else if (/^(\*[^*\s][^*]*\*|_[^_\s][^_]*_)$/.test(part)) { node = document.createElement('em'); node.textContent = part.slice(1, -1); }
    else if (/^`[^`]+`$/.test(part)) { node = document.createElement('code'); node.textContent = part.slice(1, -1); }
    else if (/^\[[^\]]+\]\([^)\s]+\)$/.test(part)) {
      const [, label, href] = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
      // Only links to this site: a reply may quote member data, and a member must not be able to plant a link.
      const url = new URL(href, location.origin);
      if (url.origin === location.origin && /^https?:$/.test(url.protocol)) {
        node = document.createElement('a'); node.href = url.pathname + url.search + url.hash; node.textContent = label;
      } else node = document.createTextNode(`${label} (${href})`);
    } else node = document.createTextNode(part);
    parent.append(node);
  }
}
