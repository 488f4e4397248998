/**
 * The set-up every end-to-end suite of a program shares: skip or fail without a Pulumi CLI, start
 * the emulator, note the organization's keys, create the stack, and clean all of it up after.
 */
import { startAtlas, type E2eAtlas } from "./e2e-env";
import { E2eStack, type E2eStackOptions } from "./e2e-stack";
import { requirePulumiCli } from "./require-pulumi-cli";

/** What the tests of a {@link describeExample} suite use; filled in by the suite's `before`. */
export interface E2eExample {
  atlas: E2eAtlas;
  /** The stack of the program under test. */
  stack: E2eStack;
  /** Ids of the organization's keys before the stack existed: what `destroy` must leave behind. */
  keysBefore: string[];
  /** Creates one more stack (removed with the suite), e.g. a consumer of the first stack's outputs. */
  addStack(opts: E2eStackOptions): Promise<E2eStack>;
}

/** How {@link describeExample} prepares the suite. */
export interface E2eExampleOptions {
  /** Emulator seed: fixes the ids of the seeded organization, projects and keys. */
  seed: string;
  /**
   * Changes made in Atlas before `keysBefore` is noted, e.g. a key made by hand that the stack
   * uses but must not delete.
   */
  outsideStack?: (atlas: E2eAtlas) => Promise<void>;
  /** The stack of the program under test; may first create what the program takes over. */
  stack: (atlas: E2eAtlas) => E2eStackOptions | Promise<E2eStackOptions>;
}

/**
 * A mocha suite around one program's stack against a fresh emulator. `body` declares the tests
 * and reads the set-up from the {@link E2eExample} it receives (its fields are set once the
 * suite's `before` has run, so read them inside hooks and tests only).
 */
export function describeExample(title: string, opts: E2eExampleOptions, body: (example: E2eExample) => void): void {
  describe(title, function () {
    const stacks: E2eStack[] = [];
    let atlas: E2eAtlas | undefined;
    const example = {
      async addStack(stackOpts: E2eStackOptions): Promise<E2eStack> {
        const stack = await E2eStack.create(example.atlas, stackOpts);
        stacks.push(stack);
        return stack;
      },
    } as E2eExample;

    before(async function () {
      requirePulumiCli(this);
      atlas = example.atlas = await startAtlas(opts.seed);
      await opts.outsideStack?.(atlas);
      example.keysBefore = atlas.orgKeyIds();
      example.stack = await example.addStack(await opts.stack(atlas));
    });
    after(async () => {
      for (const stack of stacks.reverse()) stack.remove();
      await atlas?.close();
    });

    body(example);
  });
}
