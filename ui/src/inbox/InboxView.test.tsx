import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  analysis,
  analyzeResult,
  application,
  email,
  emailSummary,
  execution,
  explanationView,
  folderReport,
  mailAccount,
  mailSyncStatus,
  reviewItem,
  statusChange,
} from "../test/fixtures";
import type { AnalyzeResult } from "../types";

vi.mock("../backend", () => ({
  backend: {
    listEmails: vi.fn(),
    getEmail: vi.fn(),
    pickEmailFiles: vi.fn(),
    onImportProgress: vi.fn(),
    importEmails: vi.fn(),
    analyzeEmail: vi.fn(),
    relabelEmail: vi.fn(),
    listApplications: vi.fn(),
    getExplanation: vi.fn(),
    pickExplanationPath: vi.fn(),
    exportExplanation: vi.fn(),
    getMailSyncStatus: vi.fn(),
    listMailAccounts: vi.fn(),
    syncMailNow: vi.fn(),
    onMailSyncStarted: vi.fn(),
    onMailSyncProgress: vi.fn(),
    onMailSyncFinished: vi.fn(),
  },
}));

const { backend } = await import("../backend");
const { InboxView } = await import("./InboxView");

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(backend.listEmails).mockResolvedValue([]);
  vi.mocked(backend.listApplications).mockResolvedValue([]);
  vi.mocked(backend.getEmail).mockImplementation(async (id) => email({ id }));
  vi.mocked(backend.onImportProgress).mockResolvedValue(() => {});
  vi.mocked(backend.getMailSyncStatus).mockResolvedValue(mailSyncStatus());
  vi.mocked(backend.listMailAccounts).mockResolvedValue([]);
  vi.mocked(backend.onMailSyncStarted).mockResolvedValue(() => {});
  vi.mocked(backend.onMailSyncProgress).mockResolvedValue(() => {});
  vi.mocked(backend.onMailSyncFinished).mockResolvedValue(() => {});
});

describe("inbox", () => {
  it("invites an import of .eml or .mbox files when there is no mail", async () => {
    render(<InboxView />);
    const empty = await screen.findByTestId("inbox-empty");
    expect(empty).toHaveTextContent(".eml");
    expect(empty).toHaveTextContent(".mbox");
  });

  it("imports the picked files and reports per-file and per-message errors", async () => {
    vi.mocked(backend.pickEmailFiles).mockResolvedValue(["/mail/job.mbox", "/mail/broken.eml"]);
    vi.mocked(backend.importEmails).mockResolvedValue({
      imported: 3,
      duplicates: 1,
      failed: 2,
      files: [
        { path: "/mail/job.mbox", imported: 3, duplicates: 1, errors: [{ index: 2, reason: "no From header" }], error: null },
        { path: "/mail/broken.eml", imported: 0, duplicates: 0, errors: [], error: "not a mail message" },
      ],
    });
    const onReviewChanged = vi.fn();
    const user = userEvent.setup();
    render(<InboxView onReviewChanged={onReviewChanged} />);
    await screen.findByTestId("inbox-empty");
    vi.mocked(backend.listEmails).mockResolvedValue([emailSummary({ id: 5, subject: "Your application to Acme" })]);

    await user.click(screen.getByTestId("import-button"));

    const report = await screen.findByTestId("import-report");
    expect(backend.importEmails).toHaveBeenCalledWith(["/mail/job.mbox", "/mail/broken.eml"]);
    expect(within(report).getByTestId("import-imported")).toHaveTextContent("3 messages imported");
    expect(within(report).getByTestId("import-duplicates")).toHaveTextContent("1 duplicate skipped");
    expect(within(report).getByTestId("import-failed")).toHaveTextContent("2 failed");
    expect(within(report).getByTestId("import-message-error")).toHaveTextContent("Message 2: no From header");
    expect(within(report).getByTestId("import-file-error")).toHaveTextContent("not a mail message");
    expect(within(report).getByText("broken.eml")).toBeInTheDocument();
    // The list is reloaded with what was imported.
    expect(await screen.findByTestId("email-row")).toHaveTextContent("Your application to Acme");
    expect(onReviewChanged).toHaveBeenCalled();
  });

  it("shows how many messages a running import has read, and stops listening after", async () => {
    let report: (r: import("../types").ImportReport) => void = () => {};
    let progress: (p: import("../types").ImportProgress) => void = () => {};
    const stop = vi.fn();
    vi.mocked(backend.onImportProgress).mockImplementation(async (cb) => {
      progress = cb;
      return stop;
    });
    vi.mocked(backend.pickEmailFiles).mockResolvedValue(["/mail/big.mbox"]);
    vi.mocked(backend.importEmails).mockReturnValue(new Promise((resolve) => (report = resolve)));
    const user = userEvent.setup();
    render(<InboxView />);
    await screen.findByTestId("inbox-empty");
    await user.click(screen.getByTestId("import-button"));
    expect(await screen.findByTestId("import-progress")).toHaveTextContent("Importing…");
    progress({ file: 0, messages: 2500 });
    await waitFor(() => expect(screen.getByTestId("import-progress")).toHaveTextContent("2,500 messages read"));
    report({ imported: 2500, duplicates: 0, failed: 0, files: [] });
    await screen.findByTestId("import-report");
    expect(screen.queryByTestId("import-progress")).not.toBeInTheDocument();
    expect(stop).toHaveBeenCalled();
  });

  it("does nothing when the file dialog is cancelled", async () => {
    vi.mocked(backend.pickEmailFiles).mockResolvedValue([]);
    const user = userEvent.setup();
    render(<InboxView />);
    await user.click(await screen.findByTestId("import-button"));
    await waitFor(() => expect(backend.pickEmailFiles).toHaveBeenCalled());
    expect(backend.importEmails).not.toHaveBeenCalled();
    expect(screen.queryByTestId("import-report")).not.toBeInTheDocument();
  });

  it("shows an import failure", async () => {
    vi.mocked(backend.pickEmailFiles).mockResolvedValue(["/mail/x.eml"]);
    vi.mocked(backend.importEmails).mockRejectedValue({ code: "store_unavailable", message: "disk is read-only" });
    const user = userEvent.setup();
    render(<InboxView />);
    await user.click(await screen.findByTestId("import-button"));
    expect(await screen.findByTestId("inbox-error")).toHaveTextContent("disk is read-only");
  });

  it("lists emails with from, subject and category", async () => {
    vi.mocked(backend.listEmails).mockResolvedValue([
      emailSummary({ id: 2, subject: "Offer letter", from: "hr@globex.test", category: "offer" }),
      emailSummary({ id: 1, subject: "Thanks for applying", category: null }),
    ]);
    render(<InboxView />);
    const rows = await screen.findAllByTestId("email-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("hr@globex.test");
    expect(rows[0]).toHaveTextContent("Offer letter");
    expect(within(rows[0]!).getByTestId("category-chip")).toHaveTextContent("Offer");
    expect(within(rows[1]!).queryByTestId("category-chip")).not.toBeInTheDocument();
  });

  it("analyses an email and shows the category, the change applied and what was queued", async () => {
    vi.mocked(backend.listEmails).mockResolvedValue([emailSummary({ id: 1 })]);
    vi.mocked(backend.listApplications).mockResolvedValue([application({ id: 1, company: "Acme Corp" })]);
    let finish: (r: AnalyzeResult) => void = () => undefined;
    vi.mocked(backend.analyzeEmail).mockReturnValue(new Promise((resolve) => (finish = resolve)));
    const onOpenReview = vi.fn();
    const onReviewChanged = vi.fn();
    const user = userEvent.setup();
    render(<InboxView onOpenReview={onOpenReview} onReviewChanged={onReviewChanged} />);

    const row = await screen.findByTestId("email-row");
    await user.click(within(row).getByTestId("analyse-button"));
    expect(backend.analyzeEmail).toHaveBeenCalledWith(1);
    expect(within(row).getByTestId("analyse-button")).toBeDisabled();
    expect(within(row).getByTestId("analyse-button")).toHaveTextContent("Analysing…");

    vi.mocked(backend.listEmails).mockResolvedValue([emailSummary({ id: 1, category: "interview_invite" })]);
    finish(
      analyzeResult({
        applied: [statusChange({ applicationId: 1, to: "interview" })],
        queued: [reviewItem({ kind: "new_application", company: "Globex", role: "SRE", proposedStatus: "applied" })],
      }),
    );

    const result = await screen.findByTestId("analysis-result");
    expect(within(result).getByTestId("analysis-category")).toHaveTextContent("Interview invite");
    expect(result).toHaveTextContent("87% confident");
    expect(result).toHaveTextContent("Acme invites you to a technical interview.");
    expect(within(result).getByTestId("execution-engine")).toHaveTextContent("built-in rules");
    expect(await within(result).findByTestId("applied-change")).toHaveTextContent("Moved Acme Corp to interview");
    expect(within(result).getByTestId("queued-item")).toHaveTextContent("New application: Globex — SRE");
    await user.click(within(result).getByTestId("open-review"));
    expect(onOpenReview).toHaveBeenCalled();
    expect(onReviewChanged).toHaveBeenCalled();
    // The row gets its category once the list reloads.
    expect(await within(screen.getByTestId("email-row")).findByTestId("category-chip")).toHaveTextContent("Interview invite");
  });

  it("names the model and its token use for an LLM run", async () => {
    vi.mocked(backend.listEmails).mockResolvedValue([emailSummary({ id: 1 })]);
    vi.mocked(backend.analyzeEmail).mockResolvedValue(
      analyzeResult({
        output: analysis({ category: "rejection" }),
        execution: execution({
          engine: "llm",
          provider: "openai",
          model: "gpt-4o-mini",
          durationUs: 1_460_000,
          usage: { input: 1200, cachedInput: 0, output: 80, reasoning: 0 },
          cost: 0.000228,
        }),
      }),
    );
    const user = userEvent.setup();
    render(<InboxView />);
    await user.click(await screen.findByTestId("analyse-button"));
    const meta = await screen.findByTestId("execution-meta");
    expect(within(meta).getByTestId("execution-engine")).toHaveTextContent("openai · gpt-4o-mini");
    expect(meta).toHaveTextContent((1280).toLocaleString() + " tokens");
    expect(meta).toHaveTextContent("1.5 s");
    expect(within(meta).getByTestId("execution-cost")).toHaveTextContent("$0.00023");
    expect(screen.getByTestId("analysis-outcome")).toHaveTextContent("Nothing changed in your applications.");
  });

  it("opens the run's explanation from Why? and gives focus back when it closes", async () => {
    vi.mocked(backend.listEmails).mockResolvedValue([emailSummary({ id: 1 })]);
    vi.mocked(backend.analyzeEmail).mockResolvedValue(analyzeResult({ execution: execution({ executionId: 77 }) }));
    vi.mocked(backend.getExplanation).mockResolvedValue(
      explanationView({ executionId: 77, decision: "Interview invite from Acme" }),
    );
    const user = userEvent.setup();
    render(<InboxView />);
    await user.click(await screen.findByTestId("analyse-button"));
    const result = await screen.findByTestId("analysis-result");
    expect(backend.getExplanation).not.toHaveBeenCalled();

    const why = within(result).getByTestId("why-button");
    await user.click(why);
    const panel = await screen.findByTestId("explanation");
    expect(backend.getExplanation).toHaveBeenCalledWith(77);
    expect(screen.getByRole("dialog", { name: /execution #77/ })).toBe(panel);
    expect(await within(panel).findByTestId("explanation-decision")).toHaveTextContent("Interview invite from Acme");

    await user.click(within(panel).getByTestId("explanation-close"));
    expect(screen.queryByTestId("explanation")).not.toBeInTheDocument();
    expect(why).toHaveFocus();
    // Closing the panel leaves the analysis as it was.
    expect(screen.getByTestId("analysis-result")).toBeInTheDocument();
  });

  it("says the cost is unknown when the model has no price", async () => {
    vi.mocked(backend.listEmails).mockResolvedValue([emailSummary({ id: 1 })]);
    vi.mocked(backend.analyzeEmail).mockResolvedValue(
      analyzeResult({ execution: execution({ engine: "llm", model: "llama3.1", llmCalls: 1, unpricedCalls: 1 }) }),
    );
    const user = userEvent.setup();
    render(<InboxView />);
    await user.click(await screen.findByTestId("analyse-button"));
    expect(await screen.findByTestId("execution-cost")).toHaveTextContent("unknown (no price for llama3.1)");
  });

  it("shows an analysis that failed", async () => {
    vi.mocked(backend.listEmails).mockResolvedValue([emailSummary({ id: 1 })]);
    vi.mocked(backend.analyzeEmail).mockRejectedValue({ code: "not_found", message: "no email with id 1" });
    const user = userEvent.setup();
    render(<InboxView />);
    await user.click(await screen.findByTestId("analyse-button"));
    expect(await screen.findByTestId("analysis-error")).toHaveTextContent("no email with id 1");
    expect(screen.getByTestId("analyse-button")).toBeEnabled();
  });

  it("dates emails by when they were sent, and shows the Date header as written when it could not be read", async () => {
    const sentAt = Date.UTC(2025, 2, 3, 10);
    vi.mocked(backend.listEmails).mockResolvedValue([
      emailSummary({ id: 1, subject: "Parsed", date: "Mon, 3 Mar 2025 10:00:00 +0000", sentAt }),
      emailSummary({ id: 2, subject: "Unparsed", date: "sometime last spring", sentAt: null }),
      emailSummary({ id: 3, subject: "Undated", date: null, sentAt: null }),
    ]);
    vi.mocked(backend.getEmail).mockImplementation(async (id) =>
      email({ id, subject: "Parsed", date: "Mon, 3 Mar 2025 10:00:00 +0000", sentAt }),
    );
    const user = userEvent.setup();
    render(<InboxView />);
    const [parsed, unparsed, undated] = await screen.findAllByTestId("email-row");
    const shortDate = new Date(sentAt).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
    const time = parsed!.querySelector("time");
    expect(time).toHaveTextContent(shortDate);
    expect(time).toHaveAttribute("datetime", "2025-03-03T10:00:00.000Z");
    expect(time).toHaveAttribute("title", "Mon, 3 Mar 2025 10:00:00 +0000");
    expect(unparsed).toHaveTextContent("sometime last spring");
    expect(unparsed!.querySelector("time")).toBeNull();
    expect(undated).toHaveTextContent("No date");

    await user.click(parsed!);
    const date = await screen.findByTestId("email-detail-date");
    expect(date.querySelector("time")).toHaveAttribute("datetime", "2025-03-03T10:00:00.000Z");
    expect(date).toHaveTextContent(shortDate);
    expect(date).toHaveTextContent(new Date(sentAt).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" }));
  });

  it("opens an email and shows its body as text, never as HTML", async () => {
    vi.mocked(backend.listEmails).mockResolvedValue([emailSummary({ id: 9, subject: "Hello" })]);
    vi.mocked(backend.getEmail).mockResolvedValue(
      email({ id: 9, subject: "Hello", body: 'Hi <img src=x onerror=alert(1)> <script>alert(2)</script> <b>bold</b>' }),
    );
    const user = userEvent.setup();
    const { container } = render(<InboxView />);
    await user.click(await screen.findByTestId("email-row"));

    const detail = await screen.findByTestId("email-detail");
    expect(backend.getEmail).toHaveBeenCalledWith(9);
    const body = within(detail).getByTestId("email-body");
    expect(body.textContent).toBe("Hi <img src=x onerror=alert(1)> <script>alert(2)</script> <b>bold</b>");
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("script")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
  });
});

describe("relabelling an email", () => {
  it("saves the chosen category, says it counts as a correction, and refreshes the list", async () => {
    vi.mocked(backend.listEmails).mockResolvedValue([emailSummary({ id: 4, category: "recruiter_outreach", executionId: 42 })]);
    vi.mocked(backend.getEmail).mockResolvedValue(
      email({ id: 4, category: "recruiter_outreach", executionId: 42, analysis: analysis({ category: "recruiter_outreach" }) }),
    );
    vi.mocked(backend.relabelEmail).mockImplementation(async (id, category) => emailSummary({ id, category, executionId: 42 }));
    const user = userEvent.setup();
    render(<InboxView />);
    await user.click(await screen.findByTestId("email-row"));
    const select = await screen.findByTestId("relabel-select");
    expect(select).toHaveAccessibleName("Category");
    expect(select).toHaveValue("recruiter_outreach");
    expect(within(select).getAllByRole("option")).toHaveLength(8);
    expect(within(select).getByRole("option", { name: "Interview invite" })).toBeInTheDocument();
    const listed = vi.mocked(backend.listEmails).mock.calls.length;

    await user.selectOptions(select, "interview_invite");

    expect(backend.relabelEmail).toHaveBeenCalledWith(4, "interview_invite");
    expect(await screen.findByTestId("relabel-saved")).toHaveTextContent("Saved — this correction counts against the analysis");
    expect(screen.getByTestId("relabel-select")).toHaveValue("interview_invite");
    expect(screen.getByTestId("relabel-select")).toBeEnabled();
    await waitFor(() => expect(vi.mocked(backend.listEmails).mock.calls.length).toBeGreaterThan(listed));
  });

  it("disables the select while saving and shows why a relabel failed", async () => {
    vi.mocked(backend.listEmails).mockResolvedValue([emailSummary({ id: 4, category: "other" })]);
    vi.mocked(backend.getEmail).mockResolvedValue(email({ id: 4, category: "other" }));
    let fail!: (e: unknown) => void;
    vi.mocked(backend.relabelEmail).mockReturnValue(new Promise((_, reject) => (fail = reject)));
    const user = userEvent.setup();
    render(<InboxView />);
    await user.click(await screen.findByTestId("email-row"));
    await user.selectOptions(await screen.findByTestId("relabel-select"), "rejection");
    expect(screen.getByTestId("relabel-select")).toBeDisabled();
    fail({ code: "invalid_input", field: "category", message: "\"x\" is not an email category" });
    expect(await screen.findByTestId("relabel-error")).toHaveTextContent("is not an email category");
    expect(screen.getByTestId("relabel-select")).toBeEnabled();
    expect(screen.getByTestId("relabel-select")).toHaveValue("other");
    expect(screen.queryByTestId("relabel-saved")).not.toBeInTheDocument();
  });

  it("offers no category for an email that has not been analysed", async () => {
    vi.mocked(backend.listEmails).mockResolvedValue([emailSummary({ id: 4 })]);
    const user = userEvent.setup();
    render(<InboxView />);
    await user.click(await screen.findByTestId("email-row"));
    await screen.findByTestId("email-detail");
    expect(screen.queryByTestId("relabel-select")).not.toBeInTheDocument();
  });
});

describe("mail sync in the inbox", () => {
  it("says when mail was last synced and syncs on demand, the button off while it runs", async () => {
    vi.mocked(backend.getMailSyncStatus).mockResolvedValue(mailSyncStatus({ accounts: 1, lastRunAt: Date.now() - 2 * 60_000 - 5_000 }));
    let done: (r: import("../types").FolderReport[]) => void = () => {};
    vi.mocked(backend.syncMailNow).mockReturnValue(new Promise((resolve) => (done = resolve)));
    const user = userEvent.setup();
    render(<InboxView />);
    expect(await screen.findByTestId("mail-sync-status")).toHaveTextContent("Synced 2 min ago");

    await user.click(screen.getByTestId("mail-sync-now"));
    expect(backend.syncMailNow).toHaveBeenCalledWith(null);
    expect(screen.getByTestId("mail-sync-now")).toBeDisabled();
    expect(screen.getByTestId("mail-sync-status")).toHaveTextContent("Syncing mail…");

    vi.mocked(backend.getMailSyncStatus).mockResolvedValue(mailSyncStatus({ accounts: 1, lastRunAt: Date.now() }));
    done([folderReport({ imported: 1 })]);
    await waitFor(() => expect(screen.getByTestId("mail-sync-status")).toHaveTextContent("Synced just now"));
    expect(screen.getByTestId("mail-sync-now")).toBeEnabled();
  });

  it("shows a first sync's progress per folder, then the mail it brought, with its mailbox", async () => {
    vi.mocked(backend.getMailSyncStatus).mockResolvedValue(mailSyncStatus({ accounts: 1, running: true }));
    let progress: (p: import("../types").SyncProgress) => void = () => {};
    let finished: (e: import("../types").MailSyncFinished) => void = () => {};
    vi.mocked(backend.onMailSyncProgress).mockImplementation(async (cb) => {
      progress = cb;
      return () => {};
    });
    vi.mocked(backend.onMailSyncFinished).mockImplementation(async (cb) => {
      finished = cb;
      return () => {};
    });
    render(<InboxView />);
    expect(await screen.findByTestId("mail-sync-status")).toHaveTextContent("Syncing mail…");
    expect(screen.getByTestId("mail-sync-now")).toBeDisabled();

    act(() => progress({ account: "work", folder: "INBOX", done: 250, total: 1000, first: true }));
    const bar = await screen.findByTestId("mail-sync-progress");
    expect(bar).toHaveTextContent("First sync of work · INBOX: 250 of 1,000");
    expect(within(bar).getByRole("progressbar")).toHaveAttribute("value", "250");
    // An incremental sync is quick: no bar for it.
    act(() => progress({ account: "work", folder: "Jobs", done: 1, total: 2, first: false }));
    expect(screen.getAllByTestId("mail-sync-progress")).toHaveLength(1);

    vi.mocked(backend.getMailSyncStatus).mockResolvedValue(mailSyncStatus({ accounts: 1, lastRunAt: Date.now() }));
    vi.mocked(backend.listEmails).mockResolvedValue([
      emailSummary({ id: 7, subject: "Interview at Globex", account: "work", folder: "INBOX", source: null }),
      emailSummary({ id: 8, subject: "Weekly digest", account: "work", folder: "INBOX", source: null, skippedReason: "a newsletter" }),
    ]);
    act(() => finished({ reports: [folderReport({ imported: 2 })], error: null }));

    await waitFor(() => expect(screen.queryByTestId("mail-sync-progress")).not.toBeInTheDocument());
    const rows = await screen.findAllByTestId("email-row");
    expect(within(rows[0]!).getByTestId("email-origin")).toHaveTextContent("work · INBOX");
    expect(within(rows[1]!).getByTestId("email-skipped")).toHaveTextContent("Not analysed: a newsletter");
    expect(await screen.findByTestId("mail-sync-status")).toHaveTextContent("Synced just now");
  });

  it("shows the folders that failed, and what a refused password needs", async () => {
    const refused = "imap.example.com:993 refused the user name or password";
    vi.mocked(backend.getMailSyncStatus).mockResolvedValue(
      mailSyncStatus({
        accounts: 2,
        lastRunAt: Date.now(),
        lastReports: [
          folderReport({ error: { code: "authentication", message: refused } }),
          folderReport({ account: "home", error: { code: "network", message: "cannot reach imap.home.test:993" } }),
        ],
      }),
    );
    // home synced since (from Settings): its failure is over.
    vi.mocked(backend.listMailAccounts).mockResolvedValue([
      mailAccount({ status: "needs_password", error: refused, errorCode: "authentication" }),
      mailAccount({ name: "home", status: "ok" }),
    ]);
    render(<InboxView />);
    const error = await screen.findByTestId("mail-sync-error");
    expect(error).toHaveTextContent(`work · INBOX: ${refused}`);
    expect(error).toHaveTextContent("enter a new password in Settings → Mail accounts");
    expect(screen.getAllByTestId("mail-sync-error")).toHaveLength(1);
  });

  it("keeps an account's problem in view until it is fixed, though background passes skip it", async () => {
    // Background passes leave out an account waiting for a password: the latest one
    // reported nothing and synced nothing.
    vi.mocked(backend.getMailSyncStatus).mockResolvedValue(
      mailSyncStatus({ accounts: 3, lastRunAt: Date.now() - 10 * 60_000, lastReports: [folderReport({ account: "home" })] }),
    );
    vi.mocked(backend.listMailAccounts).mockResolvedValue([
      mailAccount({ status: "needs_password", error: "imap.example.com:993 refused the user name or password", errorCode: "authentication" }),
      mailAccount({ name: "home", status: "ok" }),
      mailAccount({ name: "old", status: "error", error: "cannot reach imap.old.test:993", enabled: false }),
    ]);
    render(<InboxView />);
    const error = await screen.findByTestId("mail-sync-error");
    expect(error).toHaveTextContent("work: imap.example.com:993 refused the user name or password");
    expect(error).toHaveTextContent("enter a new password in Settings → Mail accounts");
    expect(screen.getAllByTestId("mail-sync-error")).toHaveLength(1);
    expect(screen.getByTestId("mail-sync-status")).toHaveTextContent("Synced 10 min ago");
  });

  it("says a sync failed while the account's last sync stands failed", async () => {
    vi.mocked(backend.getMailSyncStatus).mockResolvedValue(mailSyncStatus({ accounts: 1, running: true }));
    vi.mocked(backend.listMailAccounts).mockResolvedValue([
      mailAccount({ status: "error", error: "cannot reach imap.example.com:993: timed out", errorCode: "network" }),
    ]);
    render(<InboxView />);
    expect(await screen.findByTestId("mail-sync-error")).toHaveTextContent("work: cannot reach imap.example.com:993: timed out");
    expect(screen.getByTestId("mail-sync-error")).not.toHaveTextContent("password");
  });

  it("says nothing about sync when no mail account is set up", async () => {
    render(<InboxView />);
    await screen.findByTestId("inbox-empty");
    expect(screen.getByTestId("inbox-empty")).toHaveTextContent("Settings → Mail accounts");
    expect(screen.queryByTestId("mail-sync")).not.toBeInTheDocument();
  });

  it("shows which mailbox and folder an email came from, and why it was not analysed", async () => {
    vi.mocked(backend.listEmails).mockResolvedValue([emailSummary({ id: 3, account: "gmail", folder: "[Gmail]/All Mail", source: null })]);
    vi.mocked(backend.getEmail).mockResolvedValue(
      email({ id: 3, account: "gmail", folder: "[Gmail]/All Mail", source: null, skippedReason: "no sign of a job search" }),
    );
    const user = userEvent.setup();
    render(<InboxView />);
    await user.click(await screen.findByTestId("email-row"));
    const detail = await screen.findByTestId("email-detail");
    expect(within(detail).getByTestId("email-origin")).toHaveTextContent("gmail · [Gmail]/All Mail");
    expect(within(detail).getByTestId("email-skipped")).toHaveTextContent("Not analysed: no sign of a job search");
  });
});
