/**
 * The small YAML subset an SSSOM metadata block uses: `key: scalar`, nested maps by indentation
 * (`curie_map:`), lists of `- item` (an item may be a map: `- slot_name: x`) and inline `[a, b]`,
 * quoted strings and `#` comments.
 * Scalars stay strings (dates and versions must not change); anything else is an error.
 */
export type YamlValue = string | YamlValue[] | { [key: string]: YamlValue };

interface Line {
  indent: number;
  text: string;
  n: number;
}

function unquote(raw: string): string {
  const t = raw.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"'))
    return t.slice(1, -1).replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  if (t.length >= 2 && t.startsWith("'") && t.endsWith("'"))
    return t.slice(1, -1).replace(/''/g, "'");
  return t;
}

function stripComment(text: string): string {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || text[i - 1] === ' ')) return text.slice(0, i).trimEnd();
  }
  return text.trimEnd();
}

function scalar(raw: string): YamlValue {
  const t = raw.trim();
  if (t.startsWith('[') && t.endsWith(']')) {
    const inner = t.slice(1, -1).trim();
    return inner ? inner.split(',').map(unquote) : [];
  }
  return unquote(t);
}

/** Splits `key: value` at the first colon followed by a space or the end (so URLs in values survive). */
function keyValue(text: string): [string, string] | null {
  const m = /^("[^"]*"|'[^']*'|[^:]+?):(?:\s+(.*))?$/.exec(text);
  return m ? [unquote(m[1]!), m[2] ?? ''] : null;
}

export function parseYamlLite(source: string): { [key: string]: YamlValue } {
  const lines: Line[] = [];
  source.split(/\r?\n/).forEach((raw, i) => {
    const text = stripComment(raw);
    if (text.trim() && text.trim() !== '---')
      lines.push({ indent: text.length - text.trimStart().length, text: text.trim(), n: i + 1 });
  });
  let pos = 0;

  function block(indent: number): YamlValue {
    const first = lines[pos];
    if (first && first.indent === indent && first.text.startsWith('- ')) {
      const list: YamlValue[] = [];
      while (
        pos < lines.length &&
        lines[pos]!.indent === indent &&
        lines[pos]!.text.startsWith('-')
      ) {
        const item = lines[pos]!;
        const rest = item.text.slice(1).trimStart();
        if (!/^(["']).*\1$/.test(rest) && keyValue(rest)) {
          // "- key: value" opens a map whose other keys line up under the first (extension_definitions).
          const inner = item.indent + item.text.length - rest.length;
          lines[pos] = { indent: inner, text: rest, n: item.n };
          list.push(block(inner));
        } else {
          list.push(scalar(item.text.slice(1)));
          pos++;
        }
      }
      return list;
    }
    const map: { [key: string]: YamlValue } = {};
    while (pos < lines.length && lines[pos]!.indent === indent) {
      const line = lines[pos]!;
      const kv = keyValue(line.text);
      if (!kv)
        throw new Error(`line ${line.n} of the metadata block is not "key: value": ${line.text}`);
      pos++;
      const [key, value] = kv;
      if (value.trim()) map[key] = scalar(value);
      else {
        const next = lines[pos];
        // A list may sit at the key's own indentation ("key:\n- a"), as YAML allows.
        if (
          next &&
          (next.indent > indent || (next.indent === indent && next.text.startsWith('- ')))
        )
          map[key] = block(next.indent);
        else map[key] = '';
      }
    }
    return map;
  }

  const top = lines.length ? block(lines[0]!.indent) : {};
  if (pos < lines.length)
    throw new Error(`line ${lines[pos]!.n} of the metadata block is indented unexpectedly`);
  if (Array.isArray(top) || typeof top === 'string')
    throw new Error('the metadata block must be a map of keys');
  return top;
}
