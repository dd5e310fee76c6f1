import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { settings } from "../test/fixtures";

vi.mock("../backend", () => ({
  backend: { setDisplaySettings: vi.fn() },
}));

const { backend } = await import("../backend");
const { DisplayForm } = await import("./DisplayForm");

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(backend.setDisplaySettings).mockImplementation(async (d) => d);
});

describe("GPU acceleration", () => {
  it("is off by default, says when it applies, and saves when turned on", async () => {
    render(<DisplayForm initial={settings().display} env={[]} />);
    const toggle = screen.getByLabelText("GPU acceleration");
    expect(toggle).not.toBeChecked();
    expect(screen.getByTestId("display-form")).toHaveTextContent("Takes effect at the next start.");
    await userEvent.click(toggle);
    await userEvent.click(screen.getByTestId("display-save"));
    expect(backend.setDisplaySettings).toHaveBeenCalledWith({ gpuAcceleration: true });
    expect(await screen.findByTestId("display-saved")).toBeInTheDocument();
  });

  it("is locked when JOBTRAIL_GPU decides it", () => {
    const env = [{ setting: "gpuAcceleration", variable: "JOBTRAIL_GPU", value: "1" }];
    render(<DisplayForm initial={{ gpuAcceleration: true }} env={env} />);
    expect(screen.getByLabelText(/GPU acceleration/)).toBeDisabled();
    expect(screen.getByTestId("env-gpuAcceleration")).toHaveTextContent("JOBTRAIL_GPU=1");
  });
});
