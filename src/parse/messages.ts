import { ParseErrorCode } from 'jsonc-parser';
import type { Token } from './lexer';

/** jsonc-parser's error codes in words; a Record so a new code cannot be forgotten. */
const SYNTAX_WORDS: Record<ParseErrorCode, string> = {
  [ParseErrorCode.InvalidSymbol]: 'Unexpected character',
  [ParseErrorCode.InvalidNumberFormat]: 'Invalid number',
  [ParseErrorCode.PropertyNameExpected]: 'Expected a property name in quotes',
  [ParseErrorCode.ValueExpected]: 'Expected a value',
  [ParseErrorCode.ColonExpected]: 'Expected a colon after the property name',
  [ParseErrorCode.CommaExpected]: 'Expected a comma',
  [ParseErrorCode.CloseBraceExpected]: 'Expected a comma or closing brace',
  [ParseErrorCode.CloseBracketExpected]: 'Expected a comma or closing bracket',
  [ParseErrorCode.EndOfFileExpected]: 'Expected the end of the text',
  [ParseErrorCode.InvalidCommentToken]: 'Invalid comment',
  [ParseErrorCode.UnexpectedEndOfComment]: 'Unterminated comment: the closing */ is missing',
  [ParseErrorCode.UnexpectedEndOfString]: 'Unterminated string: the closing quote is missing',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'Incomplete number: the exponent has no digits',
  [ParseErrorCode.InvalidUnicode]: 'Invalid unicode escape',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid escape character in string',
  [ParseErrorCode.InvalidCharacter]: 'Invalid character in string',
};

export const syntaxWords = (code: ParseErrorCode): string => SYNTAX_WORDS[code] ?? 'Syntax error';

/** How a piece of the text is quoted in a message: in backticks, cut short so the message stays one line. */
export function quoteText(text: string, range: { offset: number; length: number }): string {
  const raw = text.slice(range.offset, range.offset + range.length).replace(/\s+/g, ' ');
  return `\`${raw.length > 24 ? `${raw.slice(0, 20)}...` : raw}\``;
}

export const quoteToken = (text: string, token: Pick<Token, 'offset' | 'length' | 'kind'>): string =>
  token.kind === 'eof' ? 'the end of the text' : quoteText(text, token);

export const WHAT_TO_SELECT = 'Select a JSON spec object, one matrix, or two matrices (input then kernel)';
export const EMPTY_SELECTION = `The selection is empty. ${WHAT_TO_SELECT}.`;

/** Deeper than any spec needs (a conv3d weight is 6 levels in a spec, 7 in a list of specs); parsers recurse. */
export const MAX_NESTING = 100;
export const TOO_DEEP = `Nested more than ${MAX_NESTING} levels deep: this is not a spec or a matrix.`;
