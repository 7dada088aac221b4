/** The parse layer's public face: text in, specs and matrices with positions out. Pure: no vscode import. */
export { DEFAULT_MAX_LITERAL_CHARS, findLiteralAt } from './findLiteral';
export { clampRange, LineColumn, lineLocator, rangeEnd, shiftRange, unionRange } from './position';
export { problemFromContent } from './problem';
export { readSelection } from './readSelection';
export { readSpecFile } from './readSpecFile';
export { LocatedProblem, MatrixLiteral, Parsed, ParseError, SelectionContent, SpecLiteral, TextRange } from './types';
