import { Geometry } from './geometry';
import { Plan } from './plan';

/** Plans kept: enough for the forward pass and the adjoint of a few layers a caller goes back and forth between. */
const KEPT = 8;

const plans = new Map<string, Plan>();

type Kind = 'gatherSmall' | 'gatherBig';

/** Per problem geometry (the object a caller computes with again), the plans made for it. */
const byGeometry = new WeakMap<object, Partial<Record<Kind, Plan>>>();

/** The numbers a plan depends on: the planner's grids, axes, groups and channels. */
function geometryKey(g: Geometry): string {
  const grid = (x: Geometry['small']) => `${x.channels},${x.depth},${x.height},${x.width}`;
  const axes = g.axes.map(
    (a) =>
      `${a.input},${a.output},${a.kernel},${a.stride},${a.padBefore},${a.padAfter},${a.dilation},${a.outputPadding},${a.span},${a.swept}`,
  );
  return `${grid(g.small)};${grid(g.big)};${axes.join(';')};${g.groups},${g.smallPerGroup},${g.bigPerGroup}`;
}

/**
 * The plan `planner` makes for `g`, made once for the last few geometries: a caller that computes with the same
 * shapes again and again (new inputs or weights, a forward pass and its adjoint) plans once. Planning takes tens of
 * microseconds, a tenth of a call on the sub-millisecond cases. Plans hold no data, only the geometry's numbers.
 */
function planFor(planner: (g: Geometry) => Plan, kind: Kind, g: Geometry): Plan {
  const key = `${kind};${geometryKey(g)}`;
  let plan = plans.get(key);
  if (plan) plans.delete(key);
  else plan = planner(g);
  plans.set(key, plan); // the most recent last, so the first key is the one least recently used
  if (plans.size > KEPT) plans.delete(plans.keys().next().value as string);
  return plan;
}

/**
 * `planFor` for a problem's geometry object, found by identity where the same one computes again (a caller's problem
 * called again, its forward pass and adjoint): that skips building the engine geometry and its key, 5-18 µs a call.
 */
export function planForGeometry(
  planner: (g: Geometry) => Plan,
  kind: Kind,
  geometry: object,
  fastGeometry: () => Geometry,
): Plan {
  let known = byGeometry.get(geometry);
  if (!known) byGeometry.set(geometry, (known = {}));
  return (known[kind] ??= planFor(planner, kind, fastGeometry()));
}
