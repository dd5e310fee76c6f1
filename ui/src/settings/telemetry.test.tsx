import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { TelemetryStatus } from "../types";

vi.mock("../backend", () => ({
  backend: { getTelemetryStatus: vi.fn(), setTelemetrySettings: vi.fn(), sendTestSpan: vi.fn() },
}));

const { backend } = await import("../backend");
const { TelemetryForm, endpointError } = await import("./TelemetryForm");

const off: TelemetryStatus = {
  settings: { endpoint: null, headers: [], content: false },
  enabled: false,
  endpoint: null,
  endpointSource: null,
  serviceName: "jobtrail",
  content: false,
  variables: [],
  installationId: "0123abcd",
  stats: { exportedSpans: 0, droppedSpans: 0, failedSpans: 0, lastError: null },
};

const on: TelemetryStatus = {
  ...off,
  settings: {
    endpoint: "https://cloud.langfuse.com/api/public/otel",
    headers: [{ name: "Authorization", secret: true, value: null }],
    content: true,
  },
  enabled: true,
  endpoint: "https://cloud.langfuse.com/api/public/otel/v1/traces",
  endpointSource: "settings",
  content: true,
  stats: { exportedSpans: 12, droppedSpans: 3, failedSpans: 1, lastError: "the backend is unreachable" },
};

beforeEach(() => {
  vi.resetAllMocks();
});

describe("Settings → Telemetry", () => {
  it("is off until an endpoint is saved; a secret header goes to the backend once and is never shown", async () => {
    vi.mocked(backend.getTelemetryStatus).mockResolvedValue(off);
    vi.mocked(backend.setTelemetrySettings).mockResolvedValue(on);
    render(<TelemetryForm />);
    expect(await screen.findByTestId("telemetry-state")).toHaveTextContent("Export is off.");
    expect(screen.getByTestId("telemetry-test")).toBeDisabled();
    expect(screen.getByTestId("telemetry-content")).not.toBeChecked();

    await userEvent.type(screen.getByTestId("telemetry-endpoint"), "https://cloud.langfuse.com/api/public/otel");
    await userEvent.click(screen.getByTestId("telemetry-add-header"));
    await userEvent.type(screen.getByLabelText("Header name"), "Authorization");
    await userEvent.type(screen.getByLabelText("Header value"), "Basic cGs6c2s=");
    await userEvent.click(screen.getByTestId("telemetry-content"));
    await userEvent.click(screen.getByTestId("telemetry-save"));

    expect(backend.setTelemetrySettings).toHaveBeenCalledWith({
      endpoint: "https://cloud.langfuse.com/api/public/otel",
      headers: [{ name: "Authorization", secret: true, value: "Basic cGs6c2s=" }],
      content: true,
    });
    expect(await screen.findByTestId("telemetry-saved")).toBeInTheDocument();
    expect(screen.getByTestId("telemetry-state")).toHaveTextContent("Exporting to https://cloud.langfuse.com/api/public/otel/v1/traces");
    const value = screen.getByLabelText("Header value");
    expect(value).toHaveValue("");
    expect(value).toHaveAttribute("placeholder", "stored in the keychain");
    expect(screen.getByTestId("telemetry-stats")).toHaveTextContent("3 dropped");
  });

  it("keeps a stored secret when its value is left blank", async () => {
    vi.mocked(backend.getTelemetryStatus).mockResolvedValue(on);
    vi.mocked(backend.setTelemetrySettings).mockResolvedValue(on);
    render(<TelemetryForm />);
    await userEvent.click(await screen.findByTestId("telemetry-save"));
    expect(backend.setTelemetrySettings).toHaveBeenCalledWith({
      endpoint: "https://cloud.langfuse.com/api/public/otel",
      headers: [{ name: "Authorization", secret: true, value: null }],
      content: true,
    });
  });

  it("refuses an endpoint that is not an http(s) URL before sending it", async () => {
    vi.mocked(backend.getTelemetryStatus).mockResolvedValue(off);
    render(<TelemetryForm />);
    await userEvent.type(await screen.findByTestId("telemetry-endpoint"), "localhost:4318");
    await userEvent.click(screen.getByTestId("telemetry-save"));
    expect(await screen.findByTestId("field-error-endpoint")).toBeInTheDocument();
    expect(backend.setTelemetrySettings).not.toHaveBeenCalled();
    expect(endpointError("")).toBeNull();
    expect(endpointError("http://127.0.0.1:6006")).toBeNull();
  });

  it("shows the backend's answer to a test span, and the variables that win", async () => {
    vi.mocked(backend.getTelemetryStatus).mockResolvedValue({ ...on, variables: ["OTEL_EXPORTER_OTLP_HEADERS"] });
    vi.mocked(backend.sendTestSpan).mockResolvedValue({
      ok: false,
      endpoint: on.endpoint,
      status: 401,
      message: "the backend refused the credentials (HTTP 401): check the headers",
    });
    render(<TelemetryForm />);
    expect(await screen.findByTestId("telemetry-env")).toHaveTextContent("OTEL_EXPORTER_OTLP_HEADERS");
    await userEvent.click(screen.getByTestId("telemetry-test"));
    expect(await screen.findByTestId("telemetry-answer")).toHaveTextContent("HTTP 401");
  });
});
