import { Node, ParseErrorCode } from 'jsonc-parser';
import { KNOWN_DTYPES, numberType } from './dtypes';
import { Token, tokenize } from './lexer';
import { MAX_NESTING, quoteText, quoteToken, syntaxWords, TOO_DEEP, WHAT_TO_SELECT } from './messages';
import type { ParseError } from './types';
import { ARRAY_CALLS, CONSTANTS, floatFromString, nonFiniteName } from './vocabulary';

/**
 * Parses JSON, JSONC and Python literals into jsonc-parser `Node` trees, so `findNodeAtLocation` and the locators
 * work the same whichever syntax the user wrote. A call such as `np.array([[1]])` becomes its array node widened
 * to the whole call, so pointing at the literal points at all of it.
 */

/** One top-level value, e.g. `k = torch.tensor(...)`. */
export interface LiteralItem {
  /** `k` in `k = ...`, or the key in a selected `"name": {...}` property. */
  name?: string;
  node: Node;
}

export type LiteralParse = { ok: true; items: LiteralItem[] } | { ok: false; error: ParseError };

/** Thrown inside the parser only; `parseLiterals` turns it into a value. */
class SyntaxFailure {
  constructor(readonly error: ParseError) {}
}

const CLOSER: Record<string, string> = { '[': ']', '{': '}', '(': ')' };
const BRACKET_NAME: Record<string, string> = { '[': 'bracket', '{': 'brace', '(': 'parenthesis' };

/** jsonc-parser has no parentheses; this is its CloseBracketExpected for them. */
const CLOSE_PAREN_EXPECTED = 'Expected a comma or closing parenthesis';

/** Where a value sits: at the top of the selection, inside a literal, or in an argument we skip (`dtype=...`). */
type Context = 'top' | 'nested' | 'ignored';

class Parser {
  private readonly tokens: Token[];
  private index = 0;
  /** Brackets open at this point, so running out of text can point at the one never closed. */
  private readonly open: Token[] = [];

  constructor(private readonly text: string) {
    // Fences only matter to `findLiteralAt`; here a fenced block reads as its contents.
    this.tokens = tokenize(text).filter((t) => t.kind !== 'fence');
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)];
  }

  private take(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.index++;
    return t;
  }

  private fail(message: string, token: Pick<Token, 'offset' | 'length'>): never {
    throw new SyntaxFailure({ message, range: { offset: token.offset, length: token.length } });
  }

  /** The error for something unexpected (or the end of the text) where `what` says what was expected. */
  private expected(what: ParseErrorCode | typeof CLOSE_PAREN_EXPECTED, found: Token): never {
    if (found.kind === 'eof') this.unclosed();
    if (found.error !== undefined) this.bad(found);
    this.fail(
      `${typeof what === 'string' ? what : syntaxWords(what)}, but found ${quoteToken(this.text, found)}.`,
      found,
    );
  }

  /** A malformed token (bad number, unterminated string or comment, stray character) is reported as itself. */
  private bad(token: Token): never {
    const code = token.error ?? ParseErrorCode.InvalidSymbol;
    const what =
      token.kind === 'string' || code === ParseErrorCode.UnexpectedEndOfComment
        ? ''
        : `: ${quoteToken(this.text, token)}`;
    this.fail(`${syntaxWords(code)}${what}${token.note ? ` (${token.note})` : ''}.`, token);
  }

  private unclosed(): never {
    const opener = this.open[this.open.length - 1];
    if (!opener) this.fail(`${syntaxWords(ParseErrorCode.ValueExpected)}.`, { offset: this.text.length, length: 0 });
    const at = this.text[opener.offset];
    this.fail(`This \`${at}\` is never closed: the text ends before its \`${CLOSER[at]}\`.`, opener);
  }

  items(): LiteralItem[] {
    const items: LiteralItem[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') return items;
      if (t.kind === ',' || t.kind === ';') {
        this.take();
        continue;
      }
      if (t.kind === ']' || t.kind === '}' || t.kind === ')') {
        this.fail(
          `This \`${t.kind}\` has no matching opening ${BRACKET_NAME[t.kind === ']' ? '[' : t.kind === '}' ? '{' : '(']}.`,
          t,
        );
      }
      let name: string | undefined;
      const next = this.peek(1);
      if (
        (t.kind === 'name' && next.kind === '=') ||
        (t.kind === 'string' && t.error === undefined && next.kind === ':')
      ) {
        name = String(t.value);
        this.take();
        const sign = this.take();
        if (this.peek().kind === 'eof') this.fail(`Expected a value after \`${sign.kind}\`.`, sign);
      }
      items.push({ name, node: this.value('top') });
    }
  }

  private value(context: Context): Node {
    const t = this.peek();
    if ((t.kind === '[' || t.kind === '(' || t.kind === '{') && this.open.length >= MAX_NESTING) this.fail(TOO_DEEP, t);
    switch (t.kind) {
      case '[':
        return this.sequence();
      case '(':
        return this.parenthesized();
      case '{':
        return this.object();
      case 'number':
      case 'string':
        if (t.error !== undefined) this.bad(t);
        this.take();
        return { type: t.kind, value: t.value, offset: t.offset, length: t.length };
      case '-':
      case '+':
        return this.signed();
      case 'name':
        return this.name(context);
      case 'invalid':
        return this.bad(t);
      case 'eof':
        if (this.open.length > 0) this.unclosed();
        return this.fail(`${syntaxWords(ParseErrorCode.ValueExpected)}.`, t);
      default:
        if (context === 'top') this.fail(`${WHAT_TO_SELECT}; found ${quoteToken(this.text, t)}.`, t);
        return this.expected(ParseErrorCode.ValueExpected, t);
    }
  }

  /** Elements up to the matching closer; a trailing comma is fine (JSONC and Python both allow it). */
  private elements(
    closer: ']' | ')',
    code: ParseErrorCode | typeof CLOSE_PAREN_EXPECTED,
    element: (index: number) => Node | undefined,
  ): { nodes: Node[]; commas: number; end: Token } {
    this.open.push(this.take());
    const nodes: Node[] = [];
    let commas = 0;
    for (;;) {
      if (this.peek().kind === closer) break;
      if (this.peek().kind === 'eof') this.unclosed();
      const node = element(nodes.length);
      if (node) nodes.push(node);
      const t = this.peek();
      if (t.kind === ',') {
        this.take();
        commas++;
      } else if (t.kind !== closer) this.expected(code, t);
    }
    this.open.pop();
    return { nodes, commas, end: this.take() };
  }

  private sequence(): Node {
    const start = this.peek().offset;
    const { nodes, end } = this.elements(']', ParseErrorCode.CloseBracketExpected, () => this.value('nested'));
    return { type: 'array', offset: start, length: end.offset + 1 - start, children: nodes };
  }

  /** A Python tuple `(2, 2)` reads as a list; `(x)` is just x. */
  private parenthesized(): Node {
    const start = this.peek().offset;
    const { nodes, commas, end } = this.elements(')', CLOSE_PAREN_EXPECTED, () => this.value('nested'));
    if (nodes.length === 1 && commas === 0) return nodes[0];
    return { type: 'array', offset: start, length: end.offset + 1 - start, children: nodes };
  }

  private object(): Node {
    const start = this.take();
    this.open.push(start);
    const properties: Node[] = [];
    for (;;) {
      let t = this.peek();
      if (t.kind === '}') break;
      if (t.kind === 'eof') this.unclosed();
      if (t.kind !== 'string' || t.error !== undefined) this.expected(ParseErrorCode.PropertyNameExpected, t);
      const key: Node = { type: 'string', value: this.take().value, offset: t.offset, length: t.length };
      const colon = this.peek();
      if (colon.kind !== ':') this.expected(ParseErrorCode.ColonExpected, colon);
      this.take();
      properties.push(this.property(key, colon.offset, this.value('nested')));
      t = this.peek();
      if (t.kind === ',') this.take();
      else if (t.kind !== '}') this.expected(ParseErrorCode.CloseBraceExpected, t);
    }
    this.open.pop();
    const end = this.take();
    return { type: 'object', offset: start.offset, length: end.offset + 1 - start.offset, children: properties };
  }

  private property(key: Node, colonOffset: number, value: Node): Node {
    return {
      type: 'property',
      offset: key.offset,
      length: value.offset + value.length - key.offset,
      colonOffset,
      children: [key, value],
    };
  }

  /**
   * `-1`, `- 1`, `--1`, `-np.inf`, `-float('inf')`: signs apply to a number only. A run of signs is read in a loop,
   * not by recursion, so no length of it can overflow the stack.
   */
  private signed(): Node {
    const first = this.peek();
    let sign = first;
    let negative = false;
    while (this.peek().kind === '-' || this.peek().kind === '+') {
      sign = this.take();
      if (sign.kind === '-') negative = !negative;
    }
    const next = this.peek();
    if (next.kind === 'eof' && this.open.length === 0) this.fail(`Expected a number after \`${sign.kind}\`.`, sign);
    const node = this.value('nested');
    if (node.type !== 'number')
      this.fail(`Expected a number after \`${sign.kind}\`, but found ${quoteText(this.text, node)}.`, node);
    const value = negative ? -node.value : node.value;
    return { type: 'number', value, offset: first.offset, length: node.offset + node.length - first.offset };
  }

  private name(context: Context): Node {
    const t = this.peek();
    const name = String(t.value);
    if (this.peek(1).kind === '(') return this.call(t, name, context);
    this.take();
    const constant = CONSTANTS.get(name);
    if (constant !== undefined)
      return { type: constant === null ? 'null' : 'boolean', value: constant, offset: t.offset, length: t.length };
    const number = nonFiniteName(name);
    if (number !== undefined) return { type: 'number', value: number, offset: t.offset, length: t.length };
    // `dtype=np.float64`: an argument we ignore may be any name.
    if (context === 'ignored') return { type: 'string', value: name, offset: t.offset, length: t.length };
    if (context === 'top') this.fail(`${WHAT_TO_SELECT}; found ${quoteToken(this.text, t)}.`, t);
    return this.fail(
      `Unknown name ${quoteToken(this.text, t)}: only literal numbers, lists and strings can be read, not variables.`,
      t,
    );
  }

  /** The array's numbers as `dtype` holds them, as numpy and torch convert them when they build the array. */
  private cast(data: Node, dtype: Node): void {
    const type = dtype.type === 'string' ? numberType(String(dtype.value)) : undefined;
    if (!type) this.fail(`Unknown dtype ${quoteText(this.text, dtype)}: ConvLens reads ${KNOWN_DTYPES}`, dtype);
    const pending = [data]; // a loop, not recursion: the nesting is bounded, but a loop needs no bound at all
    for (let node = pending.pop(); node; node = pending.pop()) {
      if (node.type === 'number' && Number.isFinite(node.value)) {
        const value = type.convert(node.value);
        if (value === undefined) this.fail(`${quoteText(this.text, node)} does not fit in ${type.name}.`, node);
        (node as { value: number }).value = value; // the parser's own fresh node
      } else if (node.children) pending.push(...node.children);
    }
  }

  /**
   * `np.array(data, dtype=...)`, `torch.tensor(...)`, `dict(input=..., stride=2)`, `float('inf')`; any call inside
   * an ignored argument (`device=torch.device('cpu')`) is skipped whole.
   */
  private call(nameToken: Token, name: string, context: Context): Node {
    const known = ARRAY_CALLS.has(name) ? 'array' : name === 'dict' ? 'dict' : name === 'float' ? 'float' : undefined;
    const kind = context === 'ignored' ? 'ignored' : known;
    if (!kind) this.fail(`${name}(...) cannot be read: write a list, np.array(...) or torch.tensor(...).`, nameToken);
    this.take();
    const keywords: Node[] = [];
    const { nodes, end } = this.elements(')', CLOSE_PAREN_EXPECTED, (index) => {
      const t = this.peek();
      if (t.kind === 'name' && this.peek(1).kind === '=') {
        this.take();
        const equals = this.take();
        const key: Node = { type: 'string', value: t.value, offset: t.offset, length: t.length };
        // Only dict's keywords and an array call's `data=` matter; `dtype=` and friends are skipped.
        const used = kind === 'dict' || (kind === 'array' && (t.value === 'data' || t.value === 'object'));
        keywords.push(this.property(key, equals.offset, this.value(used ? 'nested' : 'ignored')));
        return undefined;
      }
      if (kind === 'dict')
        this.fail('dict(...) is read from keyword arguments only, e.g. dict(input=[[1, 2]], kernel=[[1]]).', t);
      return this.value(index === 0 ? 'nested' : 'ignored');
    });
    const range = { offset: nameToken.offset, length: end.offset + 1 - nameToken.offset };
    if (kind === 'ignored') return { type: 'string', value: name, ...range };
    if (kind === 'dict') return { type: 'object', ...range, children: keywords };
    if (kind === 'array') {
      const data =
        nodes[0] ??
        keywords.find((k) => k.children?.[0].value === 'data' || k.children?.[0].value === 'object')?.children?.[1];
      if (!data) this.fail(`${name}(...) needs the array as its first argument.`, range);
      // numpy's second positional argument is the dtype too: np.array(x, int).
      const dtype =
        keywords.find((k) => k.children?.[0].value === 'dtype')?.children?.[1] ??
        (name.startsWith('np.') || name.startsWith('numpy.') ? nodes[1] : undefined);
      if (dtype && dtype.type !== 'null') this.cast(data, dtype);
      return { ...data, ...range };
    }
    const arg = nodes[0];
    const value =
      arg?.type === 'number' ? arg.value : arg?.type === 'string' ? floatFromString(String(arg.value)) : undefined;
    if (value === undefined || nodes.length !== 1)
      this.fail(`${quoteText(this.text, range)} is not a number float() can read.`, range);
    return { type: 'number', value, ...range };
  }
}

/** Every top-level value in `text`, or the first syntax error with the range of the offending token. */
export function parseLiterals(text: string): LiteralParse {
  try {
    return { ok: true, items: new Parser(text).items() };
  } catch (e) {
    if (e instanceof SyntaxFailure) return { ok: false, error: e.error };
    throw e;
  }
}
