import { Block, BLOCK_WORDS, Desc } from './passDescriptor';
import { FunctionBody } from './wasm/functionBody';
import { Op, ValueType } from './wasm/opcodes';

const { i32 } = ValueType;

/**
 * `run(desc, rowBegin, rowEnd)`: sweeps output rows [rowBegin, rowEnd) of one pass. Within a row it works in
 * chunks of tiles and runs every channel block over a chunk before moving on, so the input the chunk reads
 * (all channels and kernel rows) stays in L1 while each block reuses it. Tile kernels are called through
 * table 0 (the descriptor names each block's kernel), `tileType` being their type index.
 */
export function driver(tileType: number): FunctionBody {
  const f = new FunctionBody([i32, i32, i32]);
  const [desc, rowBegin, rowEnd] = [0, 1, 2];
  const row = f.local(i32);
  const x = f.local(i32);
  const o = f.local(i32);
  const chunkStart = f.local(i32);
  const chunkBytes = f.local(i32);
  const outChunkBytes = f.local(i32);
  const count = f.local(i32);
  const block = f.local(i32);
  const blockEnd = f.local(i32);
  const field = (word: number) => f.get(desc).i32Load(4 * word);
  const blockField = (word: number) => f.get(block).i32Load(4 * word);

  f.get(desc)
    .i32Const(4 * Desc.blocks)
    .op(Op.i32Add)
    .set(block);
  field(Desc.nBlocks)
    .i32Const(4 * BLOCK_WORDS)
    .op(Op.i32Mul)
    .get(block)
    .op(Op.i32Add)
    .set(blockEnd);
  f.get(rowBegin).set(row);
  f.block(() => {
    f.get(row).get(rowEnd).op(Op.i32LtU).op(Op.i32Eqz).brIf(0);
    f.loop(() => {
      f.get(row);
      field(Desc.rowStep).op(Op.i32Mul);
      field(Desc.inBase).op(Op.i32Add).set(x);
      f.get(row);
      field(Desc.outRowPitch).op(Op.i32Mul);
      field(Desc.outBase).op(Op.i32Add).set(o);
      f.i32Const(0).set(chunkStart);
      f.loop(() => {
        // count = min(tilesPerChunk, nTiles - chunkStart)
        field(Desc.nTiles).get(chunkStart).op(Op.i32Sub).set(count);
        field(Desc.tilesPerChunk).get(count);
        field(Desc.tilesPerChunk).get(count).op(Op.i32LtU).op(Op.select).set(count);
        f.get(chunkStart);
        field(Desc.tileBytes).op(Op.i32Mul).set(chunkBytes);
        // Output bytes of the chunk's outputs: columnBytes per output.
        f.get(chunkBytes).i32Const(8).op(Op.i32DivU);
        field(Desc.columnBytes).op(Op.i32Mul).set(outChunkBytes);
        f.get(desc)
          .i32Const(4 * Desc.blocks)
          .op(Op.i32Add)
          .set(block);
        f.loop(() => {
          f.get(x).get(chunkBytes).op(Op.i32Add);
          blockField(Block.weights);
          field(Desc.taps);
          field(Desc.nTaps);
          f.get(o).get(outChunkBytes).op(Op.i32Add);
          blockField(Block.outOffset).op(Op.i32Add);
          field(Desc.channelStride);
          f.get(count);
          blockField(Block.bias);
          // The last tile's columns where this chunk ends the row, else whole tiles.
          field(Desc.lastTileColumns);
          field(Desc.tileBytes).i32Const(8).op(Op.i32DivU);
          f.get(chunkStart).get(count).op(Op.i32Add);
          field(Desc.nTiles).op(Op.i32Eq).op(Op.select);
          field(Desc.columnBytes);
          blockField(Block.kernel).callIndirect(tileType);
          f.addTo(block, 4 * BLOCK_WORDS);
          f.get(block).get(blockEnd).op(Op.i32Ne).brIf(0);
        });
        f.get(chunkStart).get(count).op(Op.i32Add).tee(chunkStart);
        field(Desc.nTiles).op(Op.i32LtU).brIf(0);
      });
      f.addTo(row, 1);
      f.get(row).get(rowEnd).op(Op.i32Ne).brIf(0);
    });
  });
  return f;
}
