import { expect } from "chai";
import { formatDuration, parseDuration } from "../../../provider/shared/durations";
import { checkRotation, rotationTimes } from "../../../provider/shared/rotation-policy";
import { planActs, planRotation, type RotationSituation } from "../../../provider/shared/rotation-schedule";
import { Failures, UNKNOWN } from "../../../provider/shared/check-failures";

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe("rotation: durations", () => {
  const valid: [string, number][] = [
    ["90d", 90 * D],
    ["12h", 12 * H],
    ["30m", 30 * M],
    ["30s", 30 * S],
    ["1d12h", D + 12 * H],
    [" 7d ", 7 * D],
    ["3650d", 3650 * D],
  ];
  for (const [text, ms] of valid) {
    it(`parses ${JSON.stringify(text)}`, () => expect(parseDuration(text)).to.deep.equal({ ms }));
  }

  const invalid: [unknown, RegExp][] = [
    [undefined, /is required/],
    ["", /is required/],
    [90, /is required/],
    ["90", /is not a duration/],
    ["90 days", /is not a duration/],
    ["1.5d", /is not a duration/],
    ["-1d", /is not a duration/],
    ["12h1d", /is not a duration/],
    ["d", /is not a duration/],
    ["0d", /zero/],
    ["0h0m", /zero/],
    ["3651d", /ten years/],
  ];
  for (const [text, pattern] of invalid) {
    it(`refuses ${JSON.stringify(text)}`, () => {
      const result = parseDuration(text);
      expect(result).to.have.property("problem").that.matches(pattern);
    });
  }

  it("never repeats more than the start of a long value (it may be a pasted secret)", () => {
    const pasted = "a1b2c3d4-e5f6-7a8b-9c0d-e1f2a3b4c5d6";
    const result = parseDuration(pasted) as { problem: string };
    expect(result.problem).to.not.include(pasted);
    expect(result.problem).to.include("a1b2c3…");
  });

  it("formats back into the largest exact unit", () => {
    expect([7 * D, 36 * H, 90 * M, 30 * S, 1500].map(formatDuration)).to.deep.equal([
      "7d",
      "36h",
      "90m",
      "30s",
      "1500ms",
    ]);
  });
});

describe("rotation: policy check", () => {
  function check(value: unknown) {
    const failures = new Failures();
    const policy = checkRotation(failures, value);
    return { policy, reasons: failures.list.map((f) => `${f.property}: ${f.reason}`) };
  }

  it("accepts a valid policy and trims it", () => {
    expect(check({ every: " 90d", overlap: "7d " })).to.deep.equal({
      policy: { every: "90d", overlap: "7d" },
      reasons: [],
    });
  });

  it("leaves an absent policy absent", () => {
    expect(check(undefined)).to.deep.equal({ policy: undefined, reasons: [] });
    expect(check(null)).to.deep.equal({ policy: undefined, reasons: [] });
  });

  it("passes values unknown at preview through", () => {
    const value = { every: UNKNOWN, overlap: "7d" };
    expect(check(value)).to.deep.equal({ policy: value, reasons: [] });
  });

  const bad: [string, unknown, RegExp[]][] = [
    ["a string", "90d", [/^rotation: rotation must be an object such as \{ every: "90d", overlap: "7d" \}/]],
    ["a list", ["90d", "7d"], [/rotation must be an object/]],
    ["every missing", { overlap: "7d" }, [/^rotation: rotation\.every is required/]],
    ["overlap missing", { every: "90d" }, [/^rotation: rotation\.overlap is required/]],
    ["every not a duration", { every: "quarterly", overlap: "7d" }, [/rotation\.every "quarterly" is not a duration/]],
    ["overlap zero", { every: "90d", overlap: "0d" }, [/rotation\.overlap "0d" is zero/]],
    [
      "overlap as long as every",
      { every: "7d", overlap: "7d" },
      [
        /rotation\.overlap \(7d\) must be shorter than rotation\.every \(7d\).*Shorten rotation\.overlap or lengthen rotation\.every/,
      ],
    ],
    ["overlap longer than every", { every: "1d", overlap: "36h" }, [/must be shorter than rotation\.every \(1d\)/]],
    ["a stray setting", { every: "90d", overlap: "7d", period: "30d" }, [/rotation\.period is not a setting/]],
    [
      "both wrong",
      { every: "x", overlap: "y" },
      [/rotation\.every "x" is not a duration/, /rotation\.overlap "y" is not a duration/],
    ],
  ];
  for (const [name, value, patterns] of bad) {
    it(`refuses ${name}, naming the field and the fix`, () => {
      const { reasons } = check(value);
      expect(reasons).to.have.length(patterns.length);
      patterns.forEach((pattern, i) => expect(reasons[i]).to.match(pattern));
    });
  }

  it("converts a policy to milliseconds, and refuses one check would refuse", () => {
    expect(rotationTimes({ every: "90d", overlap: "7d" })).to.deep.equal({ everyMs: 90 * D, overlapMs: 7 * D });
    expect(() => rotationTimes({ every: "7d", overlap: "8d" })).to.throw(/must be shorter than rotation\.every/);
  });
});

describe("rotation: schedule (injected clock)", () => {
  const T0 = Date.parse("2026-01-01T00:00:00.000Z");
  const policy = { everyMs: 90 * D, overlapMs: 7 * D };
  const at = (ms: number) => new Date(ms).toISOString();
  const PREV = "6a1b2c3d4e5f6a7b8c9d0e1f";

  /** A resource rotated at T0, with a previous key expiring at T0 + 7d. */
  const inOverlap = { rotatedAt: at(T0), previousId: PREV, previousExpiresAt: at(T0 + 7 * D) };
  const settled = { rotatedAt: at(T0) };

  function situation(over: Partial<RotationSituation>): RotationSituation {
    return { policy, record: settled, hasCurrent: true, keepersChanged: false, now: T0, ...over };
  }

  const cases: [string, Partial<RotationSituation>, ReturnType<typeof planRotation>][] = [
    [
      "just rotated, previous in its overlap: nothing to do",
      { record: inOverlap, now: T0 + 1 * D },
      {
        step: "none",
        deletePrevious: false,
        rotatedAt: at(T0),
        nextRotationAt: at(T0 + 90 * D),
        previousExpiresAt: at(T0 + 7 * D),
      },
    ],
    [
      "one millisecond before the overlap ends: the previous key stays",
      { record: inOverlap, now: T0 + 7 * D - 1 },
      {
        step: "none",
        deletePrevious: false,
        rotatedAt: at(T0),
        nextRotationAt: at(T0 + 90 * D),
        previousExpiresAt: at(T0 + 7 * D),
      },
    ],
    [
      "at previousExpiresAt: the previous key is deleted",
      { record: inOverlap, now: T0 + 7 * D },
      { step: "none", deletePrevious: true, rotatedAt: at(T0), nextRotationAt: at(T0 + 90 * D), previousExpiresAt: "" },
    ],
    [
      "between overlap and next rotation: nothing to do",
      { record: settled, now: T0 + 50 * D },
      {
        step: "none",
        deletePrevious: false,
        rotatedAt: at(T0),
        nextRotationAt: at(T0 + 90 * D),
        previousExpiresAt: "",
      },
    ],
    [
      "one millisecond before nextRotationAt: nothing to do",
      { record: settled, now: T0 + 90 * D - 1 },
      {
        step: "none",
        deletePrevious: false,
        rotatedAt: at(T0),
        nextRotationAt: at(T0 + 90 * D),
        previousExpiresAt: "",
      },
    ],
    [
      "at nextRotationAt: rotate, the current key becomes previous for the overlap",
      { record: settled, now: T0 + 90 * D },
      {
        step: "rotate",
        reason: "due",
        deletePrevious: false,
        rotatedAt: at(T0 + 90 * D),
        nextRotationAt: at(T0 + 180 * D),
        previousExpiresAt: at(T0 + 97 * D),
      },
    ],
    [
      "long after a missed rotation, previous never cleaned: delete it and rotate",
      { record: inOverlap, now: T0 + 200 * D },
      {
        step: "rotate",
        reason: "due",
        deletePrevious: true,
        rotatedAt: at(T0 + 200 * D),
        nextRotationAt: at(T0 + 290 * D),
        previousExpiresAt: at(T0 + 207 * D),
      },
    ],
    [
      "keepers changed: rotate now with the same overlap",
      { record: settled, keepersChanged: true, now: T0 + 30 * D },
      {
        step: "rotate",
        reason: "keepers",
        deletePrevious: false,
        rotatedAt: at(T0 + 30 * D),
        nextRotationAt: at(T0 + 120 * D),
        previousExpiresAt: at(T0 + 37 * D),
      },
    ],
    [
      "keepers changed during an overlap: the older previous key is displaced",
      { record: inOverlap, keepersChanged: true, now: T0 + 2 * D },
      {
        step: "rotate",
        reason: "keepers",
        deletePrevious: true,
        rotatedAt: at(T0 + 2 * D),
        nextRotationAt: at(T0 + 92 * D),
        previousExpiresAt: at(T0 + 9 * D),
      },
    ],
    [
      "current key deleted outside Pulumi: re-create it, the previous keeps its expiry",
      { record: inOverlap, hasCurrent: false, now: T0 + 3 * D },
      {
        step: "recreate",
        reason: "current-deleted",
        deletePrevious: false,
        rotatedAt: at(T0 + 3 * D),
        nextRotationAt: at(T0 + 93 * D),
        previousExpiresAt: at(T0 + 7 * D),
      },
    ],
    [
      "current key deleted after the overlap: re-create it and delete the expired previous",
      { record: inOverlap, hasCurrent: false, now: T0 + 8 * D },
      {
        step: "recreate",
        reason: "current-deleted",
        deletePrevious: true,
        rotatedAt: at(T0 + 8 * D),
        nextRotationAt: at(T0 + 98 * D),
        previousExpiresAt: "",
      },
    ],
    [
      "a policy just added starts its clock now",
      { record: {}, now: T0 + 5 * D },
      {
        step: "none",
        deletePrevious: false,
        rotatedAt: at(T0 + 5 * D),
        nextRotationAt: at(T0 + 95 * D),
        previousExpiresAt: "",
      },
    ],
    [
      "a shorter period applies to the recorded rotation time",
      { record: settled, policy: { everyMs: 30 * D, overlapMs: 1 * D }, now: T0 + 31 * D },
      {
        step: "rotate",
        reason: "due",
        deletePrevious: false,
        rotatedAt: at(T0 + 31 * D),
        nextRotationAt: at(T0 + 61 * D),
        previousExpiresAt: at(T0 + 32 * D),
      },
    ],
    [
      "policy removed during an overlap: the previous key is deleted, nothing rotates",
      { record: inOverlap, policy: undefined, now: T0 + 1 * D },
      { step: "none", deletePrevious: true, rotatedAt: "", nextRotationAt: "", previousExpiresAt: "" },
    ],
    [
      "no policy and nothing recorded: nothing to do (behaviour as without rotation)",
      { record: {}, policy: undefined, now: T0 + 1000 * D },
      { step: "none", deletePrevious: false, rotatedAt: "", nextRotationAt: "", previousExpiresAt: "" },
    ],
    [
      "a previous key with an unreadable expiry is deleted rather than forgotten",
      { record: { ...inOverlap, previousExpiresAt: "soon" }, now: T0 + 1 * D },
      { step: "none", deletePrevious: true, rotatedAt: at(T0), nextRotationAt: at(T0 + 90 * D), previousExpiresAt: "" },
    ],
    [
      "a clock behind the recorded rotation time does not rotate",
      { record: settled, now: T0 - 1 * D },
      {
        step: "none",
        deletePrevious: false,
        rotatedAt: at(T0),
        nextRotationAt: at(T0 + 90 * D),
        previousExpiresAt: "",
      },
    ],
  ];

  for (const [name, over, expected] of cases) {
    it(name, () => {
      const plan = planRotation(situation(over));
      expect(plan).to.deep.equal(expected);
      expect(planActs(plan)).to.equal(expected.step !== "none" || expected.deletePrevious);
    });
  }

  it("a full cycle: create → overlap → expiry → quiet → rotation, each step once", () => {
    const short = { everyMs: 20 * S, overlapMs: 8 * S };
    let record: RotationSituation["record"] = { rotatedAt: at(T0) };
    const acts: string[] = [];
    for (let now = T0; now <= T0 + 60 * S; now += S) {
      const plan = planRotation({ policy: short, record, hasCurrent: true, keepersChanged: false, now });
      if (!planActs(plan)) continue;
      acts.push(`${(now - T0) / S}s ${plan.step}${plan.deletePrevious ? "+delete-previous" : ""}`);
      record = {
        rotatedAt: plan.rotatedAt,
        previousId: plan.step === "rotate" ? `key-at-${now}` : plan.deletePrevious ? "" : record.previousId,
        previousExpiresAt: plan.previousExpiresAt,
      };
    }
    expect(acts).to.deep.equal([
      "20s rotate",
      "28s none+delete-previous",
      "40s rotate",
      "48s none+delete-previous",
      "60s rotate",
    ]);
  });
});
