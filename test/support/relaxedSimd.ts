// Loaded by mocha before any test (.mocharc.json `require`): the unit tests run the fused tiles that VS Code's
// extension host runs, also on Node 20 where relaxed SIMD is behind a flag.
import { enableRelaxedSimd } from '../../src/engine/fast/relaxedSimd';

export const relaxedSimd = enableRelaxedSimd();
