/** Reading the user's PyTorch code: the parser (loaded on first use), the documents it keeps, and their readings. */
export * from './layer';
export { pythonParser } from './parser';
export { PythonDocuments, readPython } from './documents';
