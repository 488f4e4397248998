import { expect } from "chai";
import { start, type EmulatorHandle } from "../../../../emulator";
import { DigestClient } from "../support/http-client";

interface Page {
  links: Array<{ href: string; rel: string }>;
  results: Array<{ id: string; publicKey: string }>;
  totalCount?: number;
}

describe("emulator pagination over 1,200 keys", function () {
  this.timeout(60_000);
  let emu: EmulatorHandle;
  let api: DigestClient;
  const TOTAL = 1201; // 1,200 created + the seeded admin key
  const orgKeys = () => `/api/atlas/v2/orgs/${emu.orgId}/apiKeys`;
  const groupKeys = () => `/api/atlas/v2/groups/${emu.projectId}/apiKeys`;

  before(async () => {
    emu = await start({ seed: "pagination-tests", rateLimit: false });
    api = new DigestClient(emu.url, emu.publicKey, emu.privateKey, { reuseNonce: true });
    // Through the model: 1,200 HTTP creates would test nothing more and take long on a busy machine.
    for (let i = 0; i < 1200; i++) {
      const key = emu.model.createOrgKey(emu.orgId, { desc: `bulk ${i}`, roles: ["ORG_MEMBER"] });
      emu.model.assignKey(emu.projectId, key.id, [{ roles: ["GROUP_READ_ONLY"] }]);
    }
  });
  after(() => emu.close());

  async function page(path: string): Promise<Page> {
    const res = await api.get(path);
    expect(res.status, res.text).to.equal(200);
    return res.json as Page;
  }

  const rel = (p: Page, name: string) => p.links.find((l) => l.rel === name)?.href;

  it("walks every page by following next links, in publicKey order, with totalCount", async () => {
    const seen: string[] = [];
    let next: string | undefined = `${emu.url}${orgKeys()}`;
    let pages = 0;
    while (next) {
      const url: URL = new URL(next);
      const p = await page(`${url.pathname}${url.search}`);
      expect(p.totalCount).to.equal(TOTAL);
      expect(p.results.length).to.be.at.most(100);
      seen.push(...p.results.map((k) => k.publicKey));
      next = rel(p, "next");
      pages += 1;
    }
    expect(pages).to.equal(13);
    expect(seen).to.have.length(TOTAL);
    expect(new Set(seen).size).to.equal(TOTAL);
    expect(seen).to.deep.equal([...seen].sort());
  });

  it("serves up to 500 items per page with self, previous and next links", async () => {
    const first = await page(`${orgKeys()}?itemsPerPage=500`);
    expect(first.results).to.have.length(500);
    expect(first.links.map((l) => l.rel)).to.deep.equal(["self", "next"]);
    expect(rel(first, "self")).to.equal(`${emu.url}${orgKeys()}?itemsPerPage=500&pageNum=1`);
    expect(rel(first, "next")).to.equal(`${emu.url}${orgKeys()}?itemsPerPage=500&pageNum=2`);
    const second = await page(`${orgKeys()}?itemsPerPage=500&pageNum=2`);
    expect(second.links.map((l) => l.rel)).to.deep.equal(["self", "previous", "next"]);
    const third = await page(`${orgKeys()}?itemsPerPage=500&pageNum=3`);
    expect(third.results).to.have.length(TOTAL - 1000);
    expect(rel(third, "next")).to.equal(undefined);
    expect(rel(third, "previous")).to.equal(`${emu.url}${orgKeys()}?itemsPerPage=500&pageNum=2`);
  });

  it("omits totalCount with includeCount=false and keeps the next link", async () => {
    const p = await page(`${orgKeys()}?includeCount=false&itemsPerPage=10`);
    expect(p).to.not.have.property("totalCount");
    expect(Object.keys(p)).to.deep.equal(["links", "results"]);
    expect(rel(p, "next")).to.equal(`${emu.url}${orgKeys()}?includeCount=false&itemsPerPage=10&pageNum=2`);
  });

  it("answers a page past the end with no results and no next link", async () => {
    const p = await page(`${orgKeys()}?pageNum=99&itemsPerPage=100`);
    expect(p.results).to.deep.equal([]);
    expect(p.totalCount).to.equal(TOTAL);
    expect(rel(p, "next")).to.equal(undefined);
  });

  it("paginates the keys of a project the same way", async () => {
    const ids = new Set<string>();
    for (let n = 1; n <= 3; n++) {
      const p = await page(`${groupKeys()}?itemsPerPage=500&pageNum=${n}`);
      expect(p.totalCount).to.equal(1200);
      p.results.forEach((k) => ids.add(k.id));
      expect(Boolean(rel(p, "next"))).to.equal(n < 3);
    }
    expect(ids.size).to.equal(1200);
  });
});
