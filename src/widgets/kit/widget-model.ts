// What the widget kit's base element (widget-element.ts) needs of a widget's model. Without the DOM, so each
// model.ts can declare its own (they compile under src/lib/tsconfig.json).

export interface WidgetModel<State, Action> {
  readonly initialState: State;
  /** The model's pure step: the same object back when the action changes nothing. */
  readonly update: (state: State, action: Action) => State;
  /** The widget's segment of the URL hash (src/lib/text/url-hash.ts), which a shared link carries. */
  readonly hash: {
    readonly segment: string;
    /** The segment's body for `state` (the part of the state a link carries). */
    readonly write: (state: State) => string;
    /** The action that restores the state of a link, or undefined when `hash` has no usable segment. */
    readonly read: (hash: string) => Action | undefined;
  };
}

/** `hash.read` from a model's `fromHash`: the action `load` makes of the state a link carries, if it has one. */
export function readLink<Shared, Action>(
  fromHash: (hash: string) => Shared | undefined,
  load: (shared: Shared) => Action,
): (hash: string) => Action | undefined {
  return (hash) => {
    const shared = fromHash(hash);
    return shared === undefined ? undefined : load(shared);
  };
}
