import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { mailAccount } from "../test/fixtures";
import type { AccountDraft } from "../types";

vi.mock("../backend", () => ({
  backend: {
    listMailAccounts: vi.fn(),
    testMailAccount: vi.fn(),
    addMailAccount: vi.fn(),
    updateMailAccount: vi.fn(),
    removeMailAccount: vi.fn(),
    setMailAccountEnabled: vi.fn(),
    setMailSettings: vi.fn(),
    onMailSyncFinished: vi.fn(),
  },
}));

const { backend } = await import("../backend");
const { MailAccounts } = await import("./MailAccounts");
const { MailSettingsForm } = await import("./MailSettingsForm");

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(backend.listMailAccounts).mockResolvedValue([]);
  vi.mocked(backend.onMailSyncFinished).mockResolvedValue(() => {});
  vi.mocked(backend.setMailSettings).mockImplementation(async (s) => s);
});

/** Opens the add form from an empty list. */
async function openAdd() {
  const user = userEvent.setup();
  render(<MailAccounts />);
  await screen.findByTestId("mail-accounts-empty");
  await user.click(screen.getByTestId("mail-add"));
  return { user, dialog: await screen.findByTestId("mail-account-dialog") };
}

describe("adding a mail account", () => {
  it("checks every field before anything is sent, then sends the draft and the password once", async () => {
    const { user, dialog } = await openAdd();
    expect(screen.getByTestId("mail-name")).toHaveFocus();
    await user.click(within(dialog).getByTestId("mail-save"));
    expect(within(dialog).getByTestId("field-error-name")).toHaveTextContent("lowercase letters");
    expect(within(dialog).getByTestId("field-error-host")).toHaveTextContent("imap.gmail.com");
    expect(within(dialog).getByTestId("field-error-user")).toBeInTheDocument();
    expect(within(dialog).getByTestId("field-error-password")).toHaveTextContent("Enter the app password");
    expect(backend.addMailAccount).not.toHaveBeenCalled();

    await user.type(screen.getByTestId("mail-name"), "Work");
    await user.type(screen.getByTestId("mail-host"), "imap://imap.example.com");
    await user.type(screen.getByTestId("mail-user"), "me@example.com");
    const password = screen.getByTestId("mail-password");
    expect(password).toHaveAttribute("type", "password");
    await user.type(password, "app-secret-1234");
    await user.click(within(dialog).getByTestId("mail-save"));
    expect(within(dialog).getByTestId("field-error-host")).toHaveTextContent("no imap://");
    expect(backend.addMailAccount).not.toHaveBeenCalled();

    await user.clear(screen.getByTestId("mail-host"));
    await user.type(screen.getByTestId("mail-host"), "imap.example.com");
    await user.clear(screen.getByTestId("mail-folders"));
    await user.type(screen.getByTestId("mail-folders"), "INBOX\nJobs\n\nJobs");
    vi.mocked(backend.addMailAccount).mockResolvedValue(mailAccount({ status: "new", folders: ["INBOX", "Jobs"] }));
    vi.mocked(backend.listMailAccounts).mockResolvedValue([mailAccount({ status: "new", folders: ["INBOX", "Jobs"] })]);
    await user.click(within(dialog).getByTestId("mail-save"));

    const sent: AccountDraft = {
      name: "work",
      host: "imap.example.com",
      port: null,
      security: "tls",
      user: "me@example.com",
      folders: ["INBOX", "Jobs"],
      since: null,
      enabled: true,
    };
    expect(backend.addMailAccount).toHaveBeenCalledWith(sent, "app-secret-1234");
    await waitFor(() => expect(screen.queryByTestId("mail-account-dialog")).not.toBeInTheDocument());
    const row = await screen.findByTestId("mail-account-row");
    expect(row).toHaveTextContent("me@example.com on imap.example.com");
    expect(row).toHaveTextContent("INBOX, Jobs");
    expect(row).toHaveTextContent("never synced");
    expect(document.body).not.toHaveTextContent("app-secret-1234");
  });

  it("shows the usual port for the security chosen, and refuses clear text to another machine", async () => {
    const { user, dialog } = await openAdd();
    expect(screen.getByTestId("mail-port")).toHaveAttribute("placeholder", "993");
    await user.selectOptions(screen.getByTestId("mail-security"), "starttls");
    expect(screen.getByTestId("mail-port")).toHaveAttribute("placeholder", "143");
    await user.selectOptions(screen.getByTestId("mail-security"), "none");
    await user.type(screen.getByTestId("mail-host"), "imap.example.com");
    await user.click(within(dialog).getByTestId("mail-save"));
    expect(within(dialog).getByTestId("field-error-security")).toHaveTextContent("localhost");
  });

  it("puts the backend's complaint next to the field it names", async () => {
    const { user, dialog } = await openAdd();
    await user.type(screen.getByTestId("mail-name"), "work");
    await user.type(screen.getByTestId("mail-host"), "imap.example.com");
    await user.type(screen.getByTestId("mail-user"), "me");
    await user.type(screen.getByTestId("mail-password"), "pw");
    vi.mocked(backend.addMailAccount).mockRejectedValue({ code: "invalid_input", field: "name", message: "an account named work exists" });
    await user.click(within(dialog).getByTestId("mail-save"));
    expect(await within(dialog).findByTestId("field-error-name")).toHaveTextContent("an account named work exists");
    vi.mocked(backend.addMailAccount).mockRejectedValue({ code: "authentication", message: "imap.example.com:993 refused the user name or password" });
    await user.click(within(dialog).getByTestId("mail-save"));
    expect(await within(dialog).findByTestId("mail-save-error")).toHaveTextContent("refused the user name or password");
    expect(screen.getByTestId("mail-account-dialog")).toBeInTheDocument();
  });
});

describe("the since day", () => {
  it("is checked against today in UTC, as the backend does: east of UTC the local date runs ahead", async () => {
    vi.stubEnv("TZ", "Pacific/Auckland");
    vi.useFakeTimers({ toFake: ["Date"] });
    // 12:30 on 2 March in Auckland, still 1 March in UTC.
    vi.setSystemTime(new Date("2026-03-01T23:30:00Z"));
    try {
      expect(new Date().getDate()).toBe(2);
      const { user, dialog } = await openAdd();
      await user.type(screen.getByTestId("mail-name"), "work");
      await user.type(screen.getByTestId("mail-host"), "imap.example.com");
      await user.type(screen.getByTestId("mail-user"), "me@example.com");
      await user.type(screen.getByTestId("mail-password"), "pw");
      fireEvent.change(screen.getByTestId("mail-since"), { target: { value: "2026-03-02" } });
      await user.click(within(dialog).getByTestId("mail-save"));
      expect(within(dialog).queryByTestId("field-error-since")).toHaveTextContent("Choose a day in the past");
      expect(backend.addMailAccount).not.toHaveBeenCalled();
      expect(screen.getByTestId("mail-since")).toHaveAttribute("max", "2026-03-01");

      vi.mocked(backend.addMailAccount).mockResolvedValue(mailAccount({ since: "2026-03-01" }));
      fireEvent.change(screen.getByTestId("mail-since"), { target: { value: "2026-03-01" } });
      await user.click(within(dialog).getByTestId("mail-save"));
      expect(backend.addMailAccount).toHaveBeenCalledWith(expect.objectContaining({ since: "2026-03-01" }), "pw");
    } finally {
      vi.useRealTimers();
      vi.unstubAllEnvs();
    }
  });
});

describe("Test connection", () => {
  it("logs in with what was typed and lists the server's folders; a click watches one", async () => {
    const { user, dialog } = await openAdd();
    await user.type(screen.getByTestId("mail-name"), "gmail");
    await user.type(screen.getByTestId("mail-host"), "imap.gmail.com");
    await user.type(screen.getByTestId("mail-user"), "me@gmail.com");
    await user.type(screen.getByTestId("mail-password"), "abcd efgh ijkl mnop");
    vi.mocked(backend.testMailAccount).mockResolvedValue([
      { name: "INBOX", selectable: true },
      { name: "[Gmail]", selectable: false },
      { name: "[Gmail]/All Mail", selectable: true },
    ]);
    await user.click(within(dialog).getByTestId("mail-test"));

    expect(backend.testMailAccount).toHaveBeenCalledWith(expect.objectContaining({ name: "gmail", host: "imap.gmail.com", folders: ["INBOX"] }), "abcd efgh ijkl mnop");
    const folders = await within(dialog).findAllByTestId("mail-test-folder");
    expect(folders.map((f) => f.textContent)).toEqual(["INBOX", "[Gmail]/All Mail"]);
    expect(folders[0]).toHaveAttribute("aria-pressed", "true");
    await user.click(folders[1]!);
    expect(screen.getByTestId("mail-folders")).toHaveValue("INBOX\n[Gmail]/All Mail");
    expect(backend.addMailAccount).not.toHaveBeenCalled();
  });

  it("shows why the login failed", async () => {
    const { user, dialog } = await openAdd();
    await user.type(screen.getByTestId("mail-name"), "work");
    await user.type(screen.getByTestId("mail-host"), "imap.example.com");
    await user.type(screen.getByTestId("mail-user"), "me");
    await user.type(screen.getByTestId("mail-password"), "wrong");
    vi.mocked(backend.testMailAccount).mockRejectedValue({ code: "authentication", message: "imap.example.com:993 refused the user name or password" });
    await user.click(within(dialog).getByTestId("mail-test"));
    expect(await within(dialog).findByTestId("mail-test-error")).toHaveTextContent("Could not connect: imap.example.com:993 refused");
  });
});

describe("the accounts list", () => {
  it("asks for a new password when the server refused the stored one, and sends only that", async () => {
    const refused = mailAccount({
      status: "needs_password",
      error: "imap.example.com:993 refused the user name or password",
      errorCode: "authentication",
      lastSyncAt: Date.now() - 3 * 60_000,
    });
    vi.mocked(backend.listMailAccounts).mockResolvedValue([refused]);
    vi.mocked(backend.updateMailAccount).mockResolvedValue(mailAccount({ status: "new" }));
    const user = userEvent.setup();
    render(<MailAccounts />);
    const row = await screen.findByTestId("mail-account-row");
    expect(within(row).getByTestId("mail-account-status")).toHaveTextContent("needs password");
    expect(row).toHaveTextContent("synced 3 min ago");
    expect(within(row).getByTestId("mail-account-needs-password")).toHaveTextContent("refused the user name or password");

    await user.click(within(row).getByTestId("mail-new-password"));
    const dialog = await screen.findByTestId("mail-account-dialog");
    expect(screen.getByTestId("mail-password")).toHaveFocus();
    expect(screen.getByTestId("mail-password")).toHaveValue("");
    expect(screen.getByTestId("mail-name")).toBeDisabled();
    await user.type(screen.getByTestId("mail-password"), "new-app-password");
    await user.click(within(dialog).getByTestId("mail-save"));
    expect(backend.updateMailAccount).toHaveBeenCalledWith(
      { name: "work", host: "imap.example.com", port: null, security: "tls", user: "me@example.com", folders: ["INBOX"], since: "2026-09-07", enabled: true },
      "new-app-password",
    );
  });

  it("edits without a password, keeping the stored one, and tests with it", async () => {
    vi.mocked(backend.listMailAccounts).mockResolvedValue([mailAccount({ lastSyncAt: Date.now() })]);
    vi.mocked(backend.testMailAccount).mockResolvedValue([{ name: "INBOX", selectable: true }]);
    vi.mocked(backend.updateMailAccount).mockResolvedValue(mailAccount());
    const user = userEvent.setup();
    render(<MailAccounts />);
    await user.click(within(await screen.findByTestId("mail-account-row")).getByTestId("mail-edit"));
    const dialog = await screen.findByTestId("mail-account-dialog");
    await user.click(within(dialog).getByTestId("mail-test"));
    expect(backend.testMailAccount).toHaveBeenCalledWith(expect.objectContaining({ name: "work" }), null);
    await within(dialog).findAllByTestId("mail-test-folder");
    await user.click(within(dialog).getByTestId("mail-save"));
    expect(backend.updateMailAccount).toHaveBeenCalledWith(expect.objectContaining({ name: "work" }), null);
  });

  it("shows an error, turns an account off and removes one after saying its mail stays", async () => {
    vi.mocked(backend.listMailAccounts).mockResolvedValue([
      mailAccount({ status: "error", error: "cannot reach imap.example.com:993: timed out", errorCode: "network" }),
    ]);
    vi.mocked(backend.setMailAccountEnabled).mockResolvedValue(mailAccount({ enabled: false }));
    vi.mocked(backend.removeMailAccount).mockResolvedValue();
    const user = userEvent.setup();
    render(<MailAccounts />);
    const row = await screen.findByTestId("mail-account-row");
    expect(within(row).getByTestId("mail-account-status")).toHaveTextContent("error");
    expect(within(row).getByTestId("mail-account-error")).toHaveTextContent("cannot reach imap.example.com:993");

    await user.click(within(row).getByTestId("mail-enabled"));
    expect(backend.setMailAccountEnabled).toHaveBeenCalledWith("work", false);

    await user.click(within(row).getByTestId("mail-remove"));
    const confirm = await screen.findByTestId("confirm-dialog");
    expect(confirm).toHaveTextContent("The mail already imported stays");
    expect(backend.removeMailAccount).not.toHaveBeenCalled();
    vi.mocked(backend.listMailAccounts).mockResolvedValue([]);
    await user.click(within(confirm).getByTestId("confirm-button"));
    expect(backend.removeMailAccount).toHaveBeenCalledWith("work");
    expect(await screen.findByTestId("mail-accounts-empty")).toBeInTheDocument();
  });
});

describe("mail sync settings", () => {
  it("checks the interval and saves it with the auto-analysis switch", async () => {
    const user = userEvent.setup();
    render(<MailSettingsForm initial={{ intervalMinutes: 5, autoAnalyse: true }} />);
    const interval = screen.getByLabelText("Sync every");
    await user.clear(interval);
    await user.type(interval, "0");
    await user.click(screen.getByTestId("mail-settings-save"));
    expect(screen.getByTestId("field-error-intervalMinutes")).toHaveTextContent("from 1 to 1,440 minutes");
    expect(backend.setMailSettings).not.toHaveBeenCalled();
    await user.clear(interval);
    await user.type(interval, "15");
    await user.click(screen.getByLabelText("Analyse new job mail automatically"));
    await user.click(screen.getByTestId("mail-settings-save"));
    expect(backend.setMailSettings).toHaveBeenCalledWith({ intervalMinutes: 15, autoAnalyse: false });
    expect(await screen.findByTestId("mail-settings-saved")).toBeInTheDocument();
  });
});
