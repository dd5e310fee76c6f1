// Runs before anything else (first import of main.tsx). Under LANG=C, WebKit reports
// a language such as "c" that Intl refuses, and libraries that format numbers at load
// (uPlot) would throw and leave the window empty. Such a language reads as en-US.

function usable(tag: string | undefined): boolean {
  if (!tag) return false;
  try {
    new Intl.NumberFormat(tag);
    return true;
  } catch {
    return false;
  }
}

if (typeof navigator !== "undefined" && !usable(navigator.language)) {
  const fallback = navigator.languages?.find(usable) ?? "en-US";
  try {
    Object.defineProperty(navigator, "language", { get: () => fallback, configurable: true });
  } catch {
    // Nothing more to do: the charts then show their text summaries.
  }
}

export {};
