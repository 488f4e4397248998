import { expect } from "chai";
import { toJson } from "../../../../emulator/http/json";

describe("emulator JSON output", () => {
  const cases: Array<[string, unknown, string, string]> = [
    [
      "sorts keys at every depth",
      { b: 1, a: { d: [{ z: 1, y: 2 }], c: true } },
      '{"a":{"c":true,"d":[{"y":2,"z":1}]},"b":1}',
      '{\n  "a" : {\n    "c" : true,\n    "d" : [ {\n      "y" : 2,\n      "z" : 1\n    } ]\n  },\n  "b" : 1\n}',
    ],
    ["drops undefined members", { a: undefined, b: null }, '{"b":null}', '{\n  "b" : null\n}'],
    ["prints empty containers the Jackson way", { a: [], b: {} }, '{"a":[],"b":{}}', '{\n  "a" : [ ],\n  "b" : { }\n}'],
    [
      "keeps arrays of scalars on one line",
      { roles: ["A", "B"] },
      '{"roles":["A","B"]}',
      '{\n  "roles" : [ "A", "B" ]\n}',
    ],
  ];
  for (const [name, value, compact, pretty] of cases) {
    it(name, () => {
      expect(toJson(value)).to.equal(compact);
      expect(toJson(value, true)).to.equal(pretty);
    });
  }
});
