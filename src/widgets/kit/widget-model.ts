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

type Hash<State, Action> = WidgetModel<State, Action>['hash'];

/** The hash of a widget whose link carries its whole state, loaded by a `{ type: 'load', state }` action. */
export function stateHash<State>(
  segment: string,
  toHash: (state: State) => string,
  fromHash: (hash: string) => State | undefined,
): Hash<State, { readonly type: 'load'; readonly state: State }> {
  return { segment, write: toHash, read: (hash) => ifFound(fromHash(hash), (state) => ({ type: 'load', state })) };
}

/** The hash of a widget whose link carries `state.config`, loaded by a `{ type: 'load', config }` action. */
export function configHash<Config>(
  segment: string,
  toHash: (config: Config) => string,
  fromHash: (hash: string) => Config | undefined,
): Hash<{ readonly config: Config }, { readonly type: 'load'; readonly config: Config }> {
  return {
    segment,
    write: (state) => toHash(state.config),
    read: (hash) => ifFound(fromHash(hash), (config) => ({ type: 'load', config })),
  };
}

const ifFound = <T, R>(value: T | undefined, then: (value: T) => R): R | undefined =>
  value === undefined ? undefined : then(value);
