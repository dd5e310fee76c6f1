import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState, type FormEvent } from "react";
import { describe, expect, it, vi } from "vitest";
import { ConfirmDialog } from "./ConfirmDialog";
import { Dialog } from "./Dialog";

/** A parent that re-renders on each key, handing the dialog a new `onClose` every time. */
function Typing({ onClose }: { onClose: (text: string) => void }) {
  const [text, setText] = useState("");
  return (
    <Dialog title="Notes" onClose={() => onClose(text)} testId="notes">
      <label>
        Note
        <input value={text} onChange={(e) => setText(e.target.value)} />
      </label>
    </Dialog>
  );
}

describe("dialog", () => {
  it("keeps focus where the person is while the parent re-renders, and closes with the latest onClose", async () => {
    const onClose = vi.fn();
    render(<Typing onClose={onClose} />);
    expect(screen.getByTestId("notes-close")).toHaveFocus();
    await userEvent.click(screen.getByLabelText("Note"));
    await userEvent.keyboard("hello");
    expect(screen.getByLabelText("Note")).toHaveValue("hello");
    expect(screen.getByLabelText("Note")).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledWith("hello");
  });

  it("closes on the backdrop only when the press started there too", async () => {
    const onClose = vi.fn();
    render(
      <Dialog title="Log" onClose={onClose} testId="log">
        <p>Some text to select</p>
      </Dialog>,
    );
    const dialog = screen.getByTestId("log");
    const backdrop = dialog.parentElement!;
    // Selecting text: pressed inside, released on the backdrop (the click goes to the backdrop).
    fireEvent.mouseDown(screen.getByText("Some text to select"));
    fireEvent.mouseUp(backdrop);
    fireEvent.click(backdrop);
    expect(onClose).not.toHaveBeenCalled();
    // Pressed on the backdrop, released inside: no click on the backdrop either.
    fireEvent.mouseDown(backdrop);
    fireEvent.click(dialog);
    expect(onClose).not.toHaveBeenCalled();
    await userEvent.click(backdrop);
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe("confirm dialog", () => {
  it("is drawn outside the form that asks, and its buttons submit nothing", async () => {
    const submit = vi.fn((e: FormEvent) => e.preventDefault());
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(
      <form onSubmit={submit} data-testid="form">
        <ConfirmDialog title="Remove?" confirmLabel="Remove" onConfirm={onConfirm} onCancel={onCancel}>
          Gone for good.
        </ConfirmDialog>
      </form>,
    );
    const dialog = screen.getByTestId("confirm-dialog");
    expect(screen.getByTestId("form")).not.toContainElement(dialog);
    expect(screen.getByRole("button", { name: "Cancel" })).toHaveAttribute("type", "button");
    expect(screen.getByTestId("confirm-button")).toHaveAttribute("type", "button");
    expect(screen.getByRole("button", { name: "Cancel" })).toHaveFocus();
    await userEvent.click(screen.getByTestId("confirm-button"));
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(submit).not.toHaveBeenCalled();
  });

  it("cancels on the backdrop only when the press started there", async () => {
    const onCancel = vi.fn();
    render(
      <ConfirmDialog title="Remove?" confirmLabel="Remove" onConfirm={() => {}} onCancel={onCancel}>
        Gone for good.
      </ConfirmDialog>,
    );
    const backdrop = screen.getByTestId("confirm-dialog").parentElement!;
    fireEvent.mouseDown(screen.getByText("Gone for good."));
    fireEvent.click(backdrop);
    expect(onCancel).not.toHaveBeenCalled();
    await userEvent.click(backdrop);
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});

describe("modals over modals", () => {
  it("closes one per Escape, the one on top first, and keeps Tab inside each", async () => {
    const onClose = vi.fn();
    const onCancel = vi.fn();
    render(
      <Dialog title="Account" onClose={onClose} testId="account">
        <ConfirmDialog title="Remove?" confirmLabel="Remove" onConfirm={() => {}} onCancel={onCancel}>
          Gone for good.
        </ConfirmDialog>
      </Dialog>,
    );
    const cancel = screen.getByRole("button", { name: "Cancel" });
    expect(cancel).toHaveFocus();
    await userEvent.tab({ shift: true });
    expect(screen.getByTestId("confirm-button")).toHaveFocus();
    await userEvent.tab();
    expect(cancel).toHaveFocus();

    await userEvent.keyboard("{Escape}");
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();
  });

  it("lets the one below take Escape once the one on top is gone", async () => {
    const onClose = vi.fn();
    function Nested() {
      const [asking, setAsking] = useState(true);
      return (
        <Dialog title="Account" onClose={onClose} testId="account">
          {asking && (
            <ConfirmDialog title="Remove?" confirmLabel="Remove" onConfirm={() => {}} onCancel={() => setAsking(false)}>
              Gone for good.
            </ConfirmDialog>
          )}
        </Dialog>
      );
    }
    render(<Nested />);
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByTestId("confirm-dialog")).not.toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
    await userEvent.keyboard("{Escape}");
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
