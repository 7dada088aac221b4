/**
 * "Copy as PyTorch" and "Copy as NumPy": scripts that recompute exactly the problem on screen (float64, every
 * parameter, the bias), the output, the kernel matrix M and the reconstruction `vec(out) @ M^T`.
 */
export { numpyParameters, numpySnippet } from './numpySnippet';
export { pythonLiteral, pythonNumber, pythonTuple } from './pythonLiteral';
export { reconstructionOutputPadding, SnippetOptions } from './snippetParts';
export { torchArguments, torchSnippet } from './torchSnippet';
