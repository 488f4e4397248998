import { expect } from "chai";
import { normalizeEntries, parseEntry, setDelta, toRequestEntry } from "../../../provider/shared/access-list";

describe("access-list entries", () => {
  const valid: [string, string, string | undefined][] = [
    // input, canonical entry, ipAddress
    ["203.0.113.7", "203.0.113.7", "203.0.113.7"],
    ["203.0.113.7/32", "203.0.113.7", "203.0.113.7"],
    [" 10.0.0.0/8 ", "10.0.0.0/8", undefined],
    ["0.0.0.0/0", "0.0.0.0/0", undefined],
    ["2001:DB8::1", "2001:db8::1", "2001:db8::1"],
    ["2001:db8:0:0:0:0:0:1/128", "2001:db8::1", "2001:db8::1"],
    ["2001:db8::/32", "2001:db8::/32", undefined],
    ["::ffff:192.0.2.1", "::ffff:c000:201", "::ffff:c000:201"],
  ];
  for (const [input, entry, ipAddress] of valid) {
    it(`parses ${JSON.stringify(input)} as ${entry}`, () => {
      const parsed = parseEntry("accessList[0]", input);
      expect(parsed).to.be.an("object");
      expect((parsed as { entry: string }).entry).to.equal(entry);
      expect((parsed as { ipAddress?: string }).ipAddress).to.equal(ipAddress);
    });
  }

  const invalid: [unknown, RegExp][] = [
    ["10.0.0.1/24", /host bits set; use the network address "10\.0\.0\.0\/24"/],
    ["10.0.0.0/33", /invalid prefix length; use \/0 to \/32/],
    ["10.0.0.0/x", /invalid prefix length/],
    ["300.1.1.1", /not an IP address or CIDR block/],
    ["abc", /not an IP address or CIDR block/],
    ["1.2.3.4/24/1", /not an IP address or CIDR block/],
    ["", /must be an IP address/],
    [42, /must be an IP address/],
    ["2001:db8::1/64", /use the network address "2001:db8::\/64"/],
  ];
  for (const [input, message] of invalid) {
    it(`rejects ${JSON.stringify(input)} with a message naming the fix`, () => {
      const parsed = parseEntry("accessList[0]", input);
      expect(parsed).to.be.a("string").and.match(message);
      expect(parsed).to.match(/^accessList\[0\]/);
    });
  }

  it("treats lists as canonical sets", () => {
    expect(normalizeEntries(["10.0.0.1/32", "10.0.0.1", "192.168.0.0/16"])).to.deep.equal([
      "10.0.0.1",
      "192.168.0.0/16",
    ]);
  });

  it("computes what to add and remove", () => {
    expect(setDelta(["a", "b"], ["b", "c"])).to.deep.equal({ add: ["c"], remove: ["a"] });
    expect(setDelta(["a"], ["a"])).to.deep.equal({ add: [], remove: [] });
  });

  it("builds the request body Atlas expects", () => {
    expect(toRequestEntry("10.0.0.1")).to.deep.equal({ ipAddress: "10.0.0.1" });
    expect(toRequestEntry("10.0.0.0/8")).to.deep.equal({ cidrBlock: "10.0.0.0/8" });
  });
});
