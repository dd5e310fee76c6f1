import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { settle, useAction, useBackendEvent, useLoad } from "./useBackend";

/** A promise settled by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("settle", () => {
  it("resolves to the value, or to the failure as an IpcError", async () => {
    await expect(settle(Promise.resolve(3))).resolves.toEqual({ ok: true, value: 3 });
    const e = { code: "not_found", message: "gone" };
    await expect(settle(Promise.reject(e))).resolves.toEqual({ ok: false, error: e });
    await expect(settle(Promise.reject("boom"))).resolves.toEqual({ ok: false, error: { code: "internal", message: "boom" } });
  });
});

describe("useLoad", () => {
  it("loads on mount, then holds the data", async () => {
    const load = vi.fn(async () => [1, 2]);
    const { result } = renderHook(() => useLoad(load, []));
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.data).toEqual([1, 2]));
    expect(result.current.loading).toBe(false);
    expect(result.current.error).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("keeps only the latest answer when an earlier one comes late", async () => {
    const answers = new Map([
      [1, deferred<string>()],
      [2, deferred<string>()],
    ]);
    const { result, rerender } = renderHook(({ id }) => useLoad(() => answers.get(id)!.promise, [id]), { initialProps: { id: 1 } });
    rerender({ id: 2 });
    await act(async () => answers.get(2)!.resolve("two"));
    expect(result.current.data).toBe("two");
    await act(async () => answers.get(1)!.resolve("one"));
    expect(result.current.data).toBe("two");
    expect(result.current.loading).toBe(false);
  });

  it("drops an answer that arrives once the component is gone", async () => {
    const answer = deferred<string>();
    const { result, unmount } = renderHook(() => useLoad(() => answer.promise, []));
    const before = result.current;
    unmount();
    await act(async () => answer.resolve("late"));
    expect(result.current).toBe(before);
  });

  it("hands over a failure as an IpcError and keeps the last data", async () => {
    let fail = false;
    const load = vi.fn(async () => {
      if (fail) throw "database is locked";
      return "stored";
    });
    const { result } = renderHook(() => useLoad(load, []));
    await waitFor(() => expect(result.current.data).toBe("stored"));
    fail = true;
    act(() => {
      void result.current.reload();
    });
    await waitFor(() => expect(result.current.error).toEqual({ code: "internal", message: "database is locked" }));
    expect(result.current.data).toBe("stored");
  });

  it("keeps the error while a reload runs, unless asked to clear it", async () => {
    for (const clearErrorOnLoad of [false, true]) {
      const answers = [deferred<string>(), deferred<string>()];
      let n = 0;
      const { result } = renderHook(() => useLoad(() => answers[n++]!.promise, [], { clearErrorOnLoad }));
      await act(async () => answers[0]!.reject({ code: "internal", message: "down" }));
      expect(result.current.error?.message).toBe("down");
      act(() => {
        void result.current.reload();
      });
      expect(result.current.loading).toBe(true);
      expect(result.current.error?.message).toBe(clearErrorOnLoad ? undefined : "down");
      await act(async () => answers[1]!.resolve("up"));
      expect(result.current.error).toBeNull();
      expect(result.current.data).toBe("up");
    }
  });

  it("waits while not enabled, and loads each time it is enabled again", async () => {
    const load = vi.fn(async () => "x");
    const { result, rerender } = renderHook(({ enabled }) => useLoad(load, [], { enabled }), { initialProps: { enabled: false } });
    expect(result.current.loading).toBe(false);
    expect(load).not.toHaveBeenCalled();
    rerender({ enabled: true });
    await waitFor(() => expect(result.current.data).toBe("x"));
    rerender({ enabled: false });
    rerender({ enabled: true });
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
  });

  it("shows nothing loaded for another key until its own answer comes", async () => {
    const answers = new Map([
      [1, deferred<string>()],
      [2, deferred<string>()],
    ]);
    const { result, rerender } = renderHook(({ id }) => useLoad(() => answers.get(id)!.promise, [id], { key: id }), {
      initialProps: { id: 1 },
    });
    await act(async () => answers.get(1)!.resolve("one"));
    expect(result.current.data).toBe("one");
    rerender({ id: 2 });
    expect(result.current.data).toBeUndefined();
    await act(async () => answers.get(2)!.resolve("two"));
    expect(result.current.data).toBe("two");
    // A failure for a third key does not show the second one's data.
    answers.set(3, deferred<string>());
    rerender({ id: 3 });
    await act(async () => answers.get(3)!.reject("gone"));
    expect(result.current.data).toBeUndefined();
    expect(result.current.error?.message).toBe("gone");
  });

  it("loads again when `reloadOn` changes", async () => {
    const load = vi.fn(async () => "x");
    const { rerender } = renderHook(({ version }) => useLoad(load, [], { reloadOn: version }), { initialProps: { version: 0 } });
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    rerender({ version: 0 });
    rerender({ version: 1 });
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
  });

  it("changes the data in place", async () => {
    const { result } = renderHook(() => useLoad(async () => [1, 2, 3], []));
    await waitFor(() => expect(result.current.data).toEqual([1, 2, 3]));
    act(() => result.current.setData((d) => d?.filter((n) => n !== 2)));
    expect(result.current.data).toEqual([1, 3]);
  });

  it("takes data set by hand as current: the last error goes", async () => {
    const { result } = renderHook(() => useLoad(async (): Promise<string> => Promise.reject("down"), []));
    await waitFor(() => expect(result.current.error?.message).toBe("down"));
    act(() => result.current.setData((d) => d));
    expect(result.current.error?.message).toBe("down");
    act(() => result.current.setData(() => "from an event"));
    expect(result.current.data).toBe("from an event");
    expect(result.current.error).toBeNull();
  });
});

describe("useAction", () => {
  it("says whether it runs and why it failed; the latest run decides", async () => {
    const answers = [deferred<number>(), deferred<number>()];
    const { result } = renderHook(() => useAction((what: string) => answers[what === "a" ? 0 : 1]!.promise));
    let first!: Promise<unknown>;
    let second!: Promise<unknown>;
    act(() => {
      first = result.current.run("a");
    });
    expect(result.current.pending).toBe(true);
    act(() => {
      second = result.current.run("b");
    });
    await act(async () => answers[1]!.reject({ code: "invalid_input", field: "x", message: "bad" }));
    await expect(second).resolves.toEqual({ ok: false, error: { code: "invalid_input", field: "x", message: "bad" } });
    expect(result.current.pending).toBe(false);
    expect(result.current.error?.message).toBe("bad");
    // The earlier run ends later: its caller gets its outcome, the state stays the latest run's.
    await act(async () => answers[0]!.resolve(1));
    await expect(first).resolves.toEqual({ ok: true, value: 1 });
    expect(result.current.error?.message).toBe("bad");
    act(() => result.current.clearError());
    expect(result.current.error).toBeNull();
  });
});

describe("useBackendEvent", () => {
  it("calls the latest handler with each event, and stops listening when unmounted", async () => {
    let emit: ((n: number) => void) | null = null;
    const stop = vi.fn();
    const subscribe = vi.fn(async (cb: (n: number) => void) => {
      emit = cb;
      return stop;
    });
    const seen: string[] = [];
    const { rerender, unmount } = renderHook(({ tag }) => useBackendEvent(subscribe, (n: number) => seen.push(`${tag}${n}`)), {
      initialProps: { tag: "a" },
    });
    act(() => emit!(1));
    rerender({ tag: "b" });
    act(() => emit!(2));
    expect(seen).toEqual(["a1", "b2"]);
    expect(subscribe).toHaveBeenCalledTimes(1);
    unmount();
    act(() => emit!(3));
    expect(seen).toEqual(["a1", "b2"]);
    await waitFor(() => expect(stop).toHaveBeenCalled());
  });
});
