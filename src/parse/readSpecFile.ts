import type { Node } from 'jsonc-parser';
import { quoteText } from './messages';
import { failure, parseItems, rangeOf, specLiteral } from './readSelection';
import type { Parsed, SpecLiteral } from './types';

/** What a spec file may hold, for the messages that say it does not. */
const WHAT_A_FILE_HOLDS = 'Write one spec object, an array of them, or {"cases": [...]}';

/** The value of an object's `cases` key (the last one if it repeats, as values are read), or undefined. */
function casesOf(node: Node): Node | undefined {
  const properties = node.children ?? [];
  for (let i = properties.length - 1; i >= 0; i--) {
    const [key, value] = properties[i].children ?? [];
    if (key?.value === 'cases') return value;
  }
  return undefined;
}

/**
 * The specs of a file, as the CLI reads it: one spec object, an array of them, or an object with a `cases` array
 * (the golden file's layout). The reader is the one for a selection in the editor, so the file may be JSON, JSONC
 * or Python literals and every message is the same: a syntax error refuses the file, while a spec that cannot be
 * read (an `Infinity`, a value that is not an object) is refused alone and the others still compute.
 */
export function readSpecFile(text: string): Parsed<Parsed<SpecLiteral>[]> {
  const whole = { offset: 0, length: text.length };
  if (text.trim() === '') return failure(`The file is empty. ${WHAT_A_FILE_HOLDS}.`, whole);
  const parsed = parseItems(text);
  if (!parsed.ok) return parsed;
  const [root, extra] = parsed.value.map((item) => item.node);
  if (!root) return failure(`The file holds only comments. ${WHAT_A_FILE_HOLDS}.`, whole);
  if (extra) return failure(`A spec file holds one value; found another: ${quoteText(text, extra)}.`, rangeOf(extra));
  const cases = root.type === 'object' ? casesOf(root) : undefined;
  const nodes =
    root.type === 'array'
      ? root.children
      : cases?.type === 'array'
        ? cases.children
        : root.type === 'object'
          ? [root]
          : undefined;
  if (!nodes) return failure(`${WHAT_A_FILE_HOLDS}; found ${quoteText(text, root)}.`, rangeOf(root));
  return {
    ok: true,
    value: nodes.map((node) =>
      node.type === 'object'
        ? specLiteral(text, node)
        : failure(`Expected a spec object here, but found ${quoteText(text, node)}.`, rangeOf(node)),
    ),
  };
}
