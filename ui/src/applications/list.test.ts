import { describe, expect, it } from "vitest";
import type { Application } from "../types";
import { byStatus, filterApps, neighbour, sortApps } from "./list";

const app = (id: number, over: Partial<Application>): Application => ({
  id, company: "Acme", role: "Engineer", status: "applied", source: null, url: null, location: null, notes: "",
  createdAt: id, updatedAt: id, ...over,
});

const apps = [
  app(1, { company: "beta corp", role: "Rust Engineer", status: "interview", location: "Berlin", updatedAt: 10 }),
  app(2, { company: "Acme", role: "Backend Developer", status: "saved", notes: "referral from Ana", updatedAt: 30 }),
  app(3, { company: "Zeta", role: "Platform Engineer", status: "offer", updatedAt: 20 }),
];

describe("search", () => {
  it("matches every word anywhere, ignoring case", () => {
    expect(filterApps(apps, "engineer").map((a) => a.id)).toEqual([1, 3]);
    expect(filterApps(apps, "RUST berlin").map((a) => a.id)).toEqual([1]);
    expect(filterApps(apps, "ana").map((a) => a.id)).toEqual([2]);
    expect(filterApps(apps, "offer").map((a) => a.id)).toEqual([3]);
    expect(filterApps(apps, "  ").length).toBe(3);
    expect(filterApps(apps, "<script>")).toEqual([]);
  });
});

describe("sort", () => {
  it("sorts by text ignoring case, by pipeline order and by time", () => {
    expect(sortApps(apps, "company", "asc").map((a) => a.company)).toEqual(["Acme", "beta corp", "Zeta"]);
    expect(sortApps(apps, "company", "desc").map((a) => a.id)).toEqual([3, 1, 2]);
    expect(sortApps(apps, "status", "asc").map((a) => a.status)).toEqual(["saved", "interview", "offer"]);
    expect(sortApps(apps, "updatedAt", "desc").map((a) => a.id)).toEqual([2, 3, 1]);
    expect(apps.map((a) => a.id)).toEqual([1, 2, 3]);
  });
});

describe("board", () => {
  it("groups by status in pipeline order and knows each status's neighbours", () => {
    const groups = byStatus(apps);
    expect([...groups.keys()][0]).toBe("saved");
    expect(groups.get("interview")!.map((a) => a.id)).toEqual([1]);
    expect(groups.get("rejected")).toEqual([]);
    expect(neighbour("saved", -1)).toBeNull();
    expect(neighbour("saved", 1)).toBe("applied");
    expect(neighbour("ghosted", 1)).toBeNull();
  });
});
