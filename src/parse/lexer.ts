import { ParseErrorCode } from 'jsonc-parser';
import { scanned } from './scanWork';

/**
 * One lexer for everything a selection may hold: JSON/JSONC and Python literals (`1.`, `.5`, `'text'`, `# note`,
 * `np.array`), plus Markdown code fences. Being lenient here (every character becomes some token) is what lets
 * the parser name the exact token that is wrong, and lets `findLiteralAt` scan arbitrary documents.
 */
export type TokenKind =
  | '['
  | ']'
  | '{'
  | '}'
  | '('
  | ')'
  | ','
  | ':'
  | '='
  | ';'
  | '-'
  | '+'
  | 'number'
  | 'string'
  | 'name'
  /** A Markdown code fence line (```json or ~~~): code blocks are independent, so bracket matching restarts. */
  | 'fence'
  | 'invalid'
  | 'eof';

export interface Token {
  kind: TokenKind;
  offset: number;
  length: number;
  /** number: its value (unsigned; signs are separate tokens); string: the decoded contents; name: the dotted name. */
  value?: number | string;
  /** Set when the token is malformed, in jsonc-parser's terms. */
  error?: ParseErrorCode;
  /** Why, when the code alone does not say. */
  note?: string;
}

const PUNCTUATION = new Set<TokenKind>(['[', ']', '{', '}', '(', ')', ',', ':', '=', ';', '-', '+']);

/** An integer with a leading zero and a non-zero digit after it: `007`, `0_1`. */
const LEADING_ZERO = /^0[0-9_]*[1-9][0-9_]*$/;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNamePart = (c: number): boolean => isNameStart(c) || isDigit(c);
const isLineBreak = (c: number): boolean => c === 10 || c === 13;
const isSpace = (c: number): boolean =>
  c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff;

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** Decodes JSON and Python escapes leniently: an unknown escape keeps its backslash, as Python does. */
function decodeEscapes(raw: string): string {
  return raw.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])/g, (match, e: string) => {
    if (e.length > 2 && (e[0] === 'u' || e[0] === 'x')) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e === '\\' || e === '"' || e === "'" || e === '/') return e;
    if (e === '\n' || e === '\r\n') return ''; // Python line continuation inside a string
    return ESCAPES[e] ?? match;
  });
}

export class Lexer {
  private pos: number;

  constructor(
    private readonly text: string,
    start = 0,
    private readonly end = text.length,
  ) {
    this.pos = start;
  }

  next(): Token {
    const { text, end } = this;
    for (;;) {
      while (this.pos < end && isSpace(text.charCodeAt(this.pos))) this.pos++;
      if (this.pos >= end) return { kind: 'eof', offset: end, length: 0 };
      const c = text.charCodeAt(this.pos);
      const d = this.pos + 1 < end ? text.charCodeAt(this.pos + 1) : -1;
      if (c === 35 /* # */ || (c === 47 && d === 47) /* // */) {
        this.skipLine();
        continue;
      }
      if (c === 47 && d === 42 /* slash-star */) {
        const close = text.indexOf('*/', this.pos + 2);
        const start = this.pos;
        if (close < 0 || close + 2 > end) {
          this.pos = end;
          return { kind: 'invalid', offset: start, length: end - start, error: ParseErrorCode.UnexpectedEndOfComment };
        }
        this.pos = close + 2;
        continue;
      }
      if ((c === 96 || c === 126) && this.atFence()) {
        const start = this.pos;
        this.skipLine();
        return { kind: 'fence', offset: start, length: this.pos - start };
      }
      break;
    }
    const start = this.pos;
    const c = text.charCodeAt(start);
    const ch = text[start];
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(start + 1)) && start + 1 < end)) return this.number();
    if (c === 34 || c === 39) return this.string(ch);
    if (isNameStart(c)) return this.name();
    if (PUNCTUATION.has(ch as TokenKind)) {
      // `==` is a comparison, not an assignment; keep it whole so the message shows it.
      if (ch === '=' && text[start + 1] === '=') return this.invalid(2);
      this.pos++;
      return { kind: ch as TokenKind, offset: start, length: 1 };
    }
    const cp = text.codePointAt(start) ?? c;
    return this.invalid(cp > 0xffff ? 2 : 1);
  }

  private invalid(length: number): Token {
    const start = this.pos;
    this.pos = Math.min(this.end, start + length);
    return { kind: 'invalid', offset: start, length: this.pos - start, error: ParseErrorCode.InvalidSymbol };
  }

  private skipLine(): void {
    while (this.pos < this.end && !isLineBreak(this.text.charCodeAt(this.pos))) this.pos++;
  }

  /** ``` or ~~~ with only indentation before it on its line. */
  private atFence(): boolean {
    const { text, pos } = this;
    const mark = text[pos];
    if (pos + 3 > this.end || text[pos + 1] !== mark || text[pos + 2] !== mark) return false;
    for (let i = pos - 1; i >= 0; i--) {
      const c = text.charCodeAt(i);
      if (isLineBreak(c)) return true;
      if (c !== 32 && c !== 9) return false;
    }
    return true;
  }

  private digits(): void {
    const { text, end } = this;
    // Python allows `1_000`: an underscore between digits.
    while (this.pos < end) {
      const c = text.charCodeAt(this.pos);
      if (isDigit(c) || (c === 95 && isDigit(text.charCodeAt(this.pos - 1)) && isDigit(text.charCodeAt(this.pos + 1))))
        this.pos++;
      else break;
    }
  }

  /** JSON numbers plus Python's `1.`, `.5` and `1_000`; signs are separate tokens so `- 1` works as in Python. */
  private number(): Token {
    const { text, end } = this;
    const start = this.pos;
    let error: ParseErrorCode | undefined;
    this.digits();
    if (text[this.pos] === '.' && this.pos < end) {
      this.pos++;
      this.digits();
    }
    if ((text[this.pos] === 'e' || text[this.pos] === 'E') && this.pos < end) {
      let k = this.pos + 1;
      if (text[k] === '+' || text[k] === '-') k++;
      this.pos = k;
      if (k < end && isDigit(text.charCodeAt(k))) this.digits();
      else error = ParseErrorCode.UnexpectedEndOfNumber;
    }
    // `1j`, `0x1F`, `1.2.3`: whatever is glued on makes the whole run one bad number, not two tokens.
    if (this.pos < end && (isNamePart(text.charCodeAt(this.pos)) || text[this.pos] === '.')) {
      while (this.pos < end && (isNamePart(text.charCodeAt(this.pos)) || text[this.pos] === '.')) this.pos++;
      error = ParseErrorCode.InvalidNumberFormat;
    }
    const raw = text.slice(start, this.pos);
    // Python refuses `007` (it is not octal, and not seven either), as JSON does; `00` and `007.5` are fine.
    const note = error === undefined && LEADING_ZERO.test(raw) ? 'an integer cannot start with 0' : undefined;
    return {
      kind: 'number',
      offset: start,
      length: this.pos - start,
      value: Number(raw.replace(/_/g, '')),
      ...(note && { error: ParseErrorCode.InvalidNumberFormat, note }),
      ...(error !== undefined && { error }),
    };
  }

  /** Double or single quotes (Python), and Python's triple quotes, which may span lines. */
  private string(quote: string): Token {
    const { text, end } = this;
    const start = this.pos;
    const triple = text.startsWith(quote.repeat(3), start) && start + 3 <= end;
    const open = triple ? 3 : 1;
    let i = start + open;
    while (i < end) {
      const ch = text[i];
      if (ch === '\\') {
        i += 2;
        continue;
      }
      if (triple ? text.startsWith(quote.repeat(3), i) && i + 3 <= end : ch === quote) {
        this.pos = i + open;
        return {
          kind: 'string',
          offset: start,
          length: this.pos - start,
          value: decodeEscapes(text.slice(start + open, i)),
        };
      }
      if (!triple && isLineBreak(text.charCodeAt(i))) break;
      i++;
    }
    this.pos = Math.min(i, end);
    return {
      kind: 'string',
      offset: start,
      length: this.pos - start,
      value: decodeEscapes(text.slice(start + open, this.pos)),
      error: ParseErrorCode.UnexpectedEndOfString,
    };
  }

  /** A dotted name such as `np.array` or `torch.float32` is one token. */
  private name(): Token {
    const { text, end } = this;
    const start = this.pos;
    for (;;) {
      while (this.pos < end && isNamePart(text.charCodeAt(this.pos))) this.pos++;
      if (text[this.pos] === '.' && this.pos + 1 < end && isNameStart(text.charCodeAt(this.pos + 1))) this.pos++;
      else break;
    }
    return { kind: 'name', offset: start, length: this.pos - start, value: text.slice(start, this.pos) };
  }
}

/** Every token of `text` up to and including `eof`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  scanned.characters += end - start;
  const lexer = new Lexer(text, start, end);
  const tokens: Token[] = [];
  for (;;) {
    const t = lexer.next();
    tokens.push(t);
    if (t.kind === 'eof') return tokens;
  }
}
