import { ByteWriter } from './bytes';
import { FunctionBody } from './functionBody';
import { ValueType } from './opcodes';

const SECTION = { type: 1, import: 2, function: 3, table: 4, export: 7, element: 9, code: 10 } as const;
const FUNC_TYPE = 0x60;
const FUNCREF = 0x70;
const EXTERNAL_KIND_FUNC = 0x00;
const EXTERNAL_KIND_MEMORY = 0x02;
const LIMITS_MIN_MAX = 0x01;
const LIMITS_SHARED_MIN_MAX = 0x03;

export interface ModuleSpec {
  /** The memory the module imports as `env.memory`; shared memory lets worker threads run the same code on it. */
  memory: { minimumPages: number; maximumPages: number; shared: boolean };
  functions: { body: FunctionBody; exportAs?: string }[];
  /** Function indices placed in table 0 from slot 0, for `call_indirect`. */
  table: number[];
}

const signature = (body: FunctionBody): string => `${body.params.join(',')}->${body.results.join(',')}`;

/** The type index `call_indirect` needs for a given signature, in the order `encodeModule` assigns them. */
export function typeIndexOf(spec: ModuleSpec, body: FunctionBody): number {
  return [...new Set(spec.functions.map((f) => signature(f.body)))].indexOf(signature(body));
}

function section(out: ByteWriter, id: number, fill: (content: ByteWriter) => void): void {
  const content = new ByteWriter();
  fill(content);
  out.byte(id).sized(content);
}

const valueTypes = (out: ByteWriter, types: readonly ValueType[]) => out.u32(types.length).bytes(types);

/** Encodes a whole module in the binary format. */
export function encodeModule(spec: ModuleSpec): Uint8Array {
  const out = new ByteWriter().bytes([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  const signatures = [...new Set(spec.functions.map((f) => signature(f.body)))];
  const typeBodies = signatures.map((s) => spec.functions.find((f) => signature(f.body) === s)!.body);

  section(out, SECTION.type, (s) => {
    s.u32(typeBodies.length);
    for (const body of typeBodies) {
      valueTypes(s.byte(FUNC_TYPE), body.params);
      valueTypes(s, body.results);
    }
  });
  section(out, SECTION.import, (s) => {
    const { minimumPages, maximumPages, shared } = spec.memory;
    s.u32(1).name('env').name('memory').byte(EXTERNAL_KIND_MEMORY);
    s.byte(shared ? LIMITS_SHARED_MIN_MAX : LIMITS_MIN_MAX)
      .u32(minimumPages)
      .u32(maximumPages);
  });
  section(out, SECTION.function, (s) => {
    s.u32(spec.functions.length);
    for (const f of spec.functions) s.u32(signatures.indexOf(signature(f.body)));
  });
  section(out, SECTION.table, (s) => {
    s.u32(1).byte(FUNCREF).byte(LIMITS_MIN_MAX).u32(spec.table.length).u32(spec.table.length);
  });
  section(out, SECTION.export, (s) => {
    const exported = spec.functions
      .map((f, index) => ({ name: f.exportAs, index }))
      .filter((e) => e.name !== undefined);
    s.u32(exported.length);
    for (const e of exported) s.name(e.name!).byte(EXTERNAL_KIND_FUNC).u32(e.index);
  });
  section(out, SECTION.element, (s) => {
    // One active segment for table 0 at offset (i32.const 0).
    s.u32(1).u32(0).byte(0x41).s32(0).byte(0x0b).u32(spec.table.length);
    for (const index of spec.table) s.u32(index);
  });
  section(out, SECTION.code, (s) => {
    s.u32(spec.functions.length);
    for (const f of spec.functions) s.sized(f.body.encode());
  });
  return out.toBytes();
}
