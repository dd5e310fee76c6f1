// How components load, change and follow data through ../backend: one hook each, so
// none of them keeps its own "cancelled" flag or request counter, or casts what a
// failed call rejected with.
//
// Our own small hooks rather than TanStack Query: the app's idle memory and start-up
// are measured, and what the library adds (a shared cache with its own garbage
// collection, refetching on window focus and reconnect, retries; over 10 kB gzipped
// plus its runtime state) is nothing the views need. Each view already decides when
// to load (when it is shown, on the backend's events, every 30 s); what they need is
// that a late answer never overwrites a newer one, that nothing lands once the
// component is gone, and a typed error.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type DependencyList } from "react";
import type { IpcError } from "../types";
import { toIpcError } from "./ipcError";

/** How a backend call ended: its value, or the IpcError it failed with. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Waits for a backend call; never rejects: a failure comes back as its IpcError. */
export async function settle<T>(call: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await call };
  } catch (e) {
    return { ok: false, error: toIpcError(e) };
  }
}

/** What `useLoad` holds. */
export interface Loaded<T> {
  /** What the latest successful load returned; kept while the next one runs, and after it fails. */
  data: T | undefined;
  /** Why the latest load failed; null once one succeeds. */
  error: IpcError | null;
  /** Whether a load is under way. */
  loading: boolean;
  /** Loads again now, while enabled (an answer still awaited from before is dropped); resolves once this load has ended. */
  reload: () => Promise<void>;
  /**
   * Sets the data as the backend now has it (a change it answered with, an event): the
   * last error goes; a load under way still lands. `update` gets the data as stored;
   * returning it unchanged changes nothing.
   */
  setData: (update: (data: T | undefined) => T | undefined) => void;
}

export interface LoadOptions {
  /** Loads only while true (a hidden view waits); each change to true loads. Default: true. */
  enabled?: boolean;
  /**
   * Each load clears the last error, so a retry after a failure shows the loading
   * state again. Without it the error stays until the next answer (a refresh in the
   * background does not flicker).
   */
  clearErrorOnLoad?: boolean;
  /**
   * What the data is about (an email's id): data and error loaded for another key are
   * not returned, so the component shows its loading state rather than the last one's.
   */
  key?: unknown;
  /** A value whose every change loads again, though `load` does not read it (a version the parent bumps after a change). */
  reloadOn?: unknown;
}

interface LoadState<T> {
  data: T | undefined;
  error: IpcError | null;
  loading: boolean;
  key: unknown;
}

/**
 * Loads with `load` when the component mounts, whenever `deps` change and on
 * `reload()`, while `enabled`. Only the latest load's answer is kept: an earlier one
 * answering late, or any answer once the component is gone, is dropped. The linter
 * checks `deps` against what `load` reads (react-hooks `additionalEffectHooks`).
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList, options: LoadOptions = {}): Loaded<T> {
  const { enabled = true, clearErrorOnLoad = false, key, reloadOn } = options;
  const [state, setState] = useState<LoadState<T>>(() => ({ data: undefined, error: null, loading: enabled, key }));

  // The latest load function and options, for `reload` (which stays the same function).
  const latest = useRef({ load, enabled, clearErrorOnLoad, key });
  useLayoutEffect(() => {
    latest.current = { load, enabled, clearErrorOnLoad, key };
  });

  // Each load takes the next number; an answer lands only while its number is the last one.
  const seq = useRef(0);
  useEffect(
    () => () => {
      seq.current += 1;
    },
    [],
  );

  const reload = useCallback(async () => {
    const { load, enabled, clearErrorOnLoad, key } = latest.current;
    if (!enabled) return;
    const id = ++seq.current;
    setState((s) => ({ ...s, loading: true, error: clearErrorOnLoad ? null : s.error }));
    const outcome = await settle(load());
    if (id !== seq.current) return;
    setState((s) =>
      outcome.ok
        ? { data: outcome.value, error: null, loading: false, key }
        : { data: Object.is(s.key, key) ? s.data : undefined, error: outcome.error, loading: false, key },
    );
  }, []);

  useEffect(() => {
    void reload();
    // The caller's `deps` stand for what `load` reads (checked at each call site).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, reload, reloadOn, ...deps]);

  const setData = useCallback((update: (data: T | undefined) => T | undefined) => {
    setState((s) => {
      const data = update(s.data);
      return Object.is(data, s.data) ? s : { ...s, data, error: null };
    });
  }, []);

  const current = Object.is(state.key, key);
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : null,
    loading: state.loading,
    reload,
    setData,
  };
}

/** What `useAction` holds. */
export interface Action<A extends unknown[], T> {
  /** Runs the call; resolves to how it ended (never rejects). */
  run: (...args: A) => Promise<Outcome<T>>;
  /** Whether the latest run is under way. */
  pending: boolean;
  /** Why the latest run failed; null while it runs and once one succeeds. */
  error: IpcError | null;
  /** Forgets the error (the person dismissed it). */
  clearError: () => void;
}

/**
 * A change made through the backend (save, delete, sync): whether it is under way and
 * why it failed. When runs overlap, the latest one decides `pending` and `error`; each
 * caller still gets its own run's outcome.
 */
export function useAction<A extends unknown[], T>(call: (...args: A) => Promise<T>): Action<A, T> {
  const [state, setState] = useState<{ pending: boolean; error: IpcError | null }>({ pending: false, error: null });
  const latest = useRef(call);
  useLayoutEffect(() => {
    latest.current = call;
  });
  const seq = useRef(0);
  useEffect(
    () => () => {
      seq.current += 1;
    },
    [],
  );

  const run = useCallback(async (...args: A) => {
    const id = ++seq.current;
    setState({ pending: true, error: null });
    const outcome = await settle(latest.current(...args));
    if (id === seq.current) setState({ pending: false, error: outcome.ok ? null : outcome.error });
    return outcome;
  }, []);

  const clearError = useCallback(() => setState((s) => (s.error === null ? s : { ...s, error: null })), []);

  return { run, pending: state.pending, error: state.error, clearError };
}

/**
 * Calls `handler` with each event `subscribe` delivers while the component is mounted
 * (and `enabled`); always the latest handler, without subscribing again on each render.
 */
export function useBackendEvent<E>(
  subscribe: (cb: (event: E) => void) => Promise<() => void>,
  handler: (event: E) => void,
  enabled = true,
): void {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const stop = subscribe((event) => {
      if (live) latest.current(event);
    });
    return () => {
      live = false;
      void stop.then((unlisten) => unlisten());
    };
  }, [subscribe, enabled]);
}
