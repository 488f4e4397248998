/**
 * One stack of an example program (or the root program) driven by the real CLI against the
 * in-process emulator: every operation collects the CLI output and engine events, and the leak
 * scan covers all of them plus the exported (encrypted) state.
 */
import * as path from "path";
import { expect } from "chai";
import type { ConfigMap, Deployment, OpMap, PulumiFn, Stack } from "@pulumi/pulumi/automation";
import { collectOutput, createInlineStack, exportState, removeStackFiles, repoRoot } from "../../harness/pulumi";
import { expectNoSecrets, type E2eAtlas } from "./e2e-env";

/** The programs shipped with the package: `root` is `index.ts`, the others are `examples/<name>`. */
export type ProgramName =
  | "root"
  | "org-key"
  | "project-key"
  | "assign-existing-key"
  | "access-list"
  | "rotation"
  | "scheduled-rotation"
  | "scheduled-rotation/consumer"
  | "adopt-existing-key"
  | "consumer-stack"
  | "service-account"
  | "service-account/consumer"
  | "multi-org";

/** A value from the exported state: arbitrary JSON, which the tests inspect through assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StateValue = any;

/** A resource as `pulumi stack export` shows it (secrets as `{ciphertext}` objects). */
export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, StateValue>;
  outputs?: Record<string, StateValue>;
}

/** The compiled program module, exactly what a user's `pulumi up` would run. */
export function loadProgram(name: ProgramName): PulumiFn {
  const file = name === "root" ? "dist/index.js" : `dist/examples/${name}/index.js`;
  // A computed path to a compiled CommonJS module: `require` is what the CLI's language host uses too.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(repoRoot, file)) as PulumiFn;
}

/** A config value: plain text, a list (stored as JSON, read with `getObject`), or a secret. */
export type ConfigValue = string | string[] | { value: string; secret: true };

/** What {@link E2eStack.create} needs. */
export interface E2eStackOptions {
  program: ProgramName;
  /** Project config of the program (namespace-less keys such as `description`); objects are JSON-encoded. */
  config?: Record<string, ConfigValue>;
  /** Overrides the project name (default: the program name). */
  projectName?: string;
  stackName?: string;
  /** Extra environment, e.g. a shared backend for StackReference. */
  env?: Record<string, string>;
}

/** A stack plus its output collector; every operation asserts that it succeeded. */
export class E2eStack {
  readonly output = collectOutput();
  /** The last export, reused until the next operation (each export is a CLI run). */
  private exported?: Promise<Deployment>;

  private constructor(
    readonly stack: Stack,
    readonly atlas: E2eAtlas,
  ) {}

  /** Creates the stack with provider credentials for the emulator and the program's config. */
  static async create(atlas: E2eAtlas, opts: E2eStackOptions): Promise<E2eStack> {
    const { emulator } = atlas;
    const config: ConfigMap = {
      "mongodbatlas:publicKey": { value: emulator.publicKey },
      "mongodbatlas:privateKey": { value: emulator.privateKey, secret: true },
      "mongodbatlas:baseUrl": { value: emulator.url },
    };
    for (const [key, value] of Object.entries(opts.config ?? {})) config[key] = configValue(value);
    const stack = await createInlineStack({
      projectName: opts.projectName ?? opts.program,
      stackName: opts.stackName ?? "e2e",
      program: loadProgram(opts.program),
      config,
      env: opts.env,
    });
    return new E2eStack(stack, atlas);
  }

  /** Sets project config values, all in one CLI run. */
  async setConfig(values: Record<string, ConfigValue>): Promise<void> {
    const config: ConfigMap = {};
    for (const [key, value] of Object.entries(values)) config[key] = configValue(value);
    await this.stack.setAllConfig(config);
  }

  /** `pulumi up`; returns the summary's resource changes. */
  async up(): Promise<OpMap> {
    this.exported = undefined;
    const result = await this.stack.up({ ...this.output.handlers });
    expect(result.summary.result, "up").to.equal("succeeded");
    return result.summary.resourceChanges ?? {};
  }

  /** `pulumi preview`; returns the planned changes. */
  async preview(): Promise<OpMap> {
    return (await this.stack.preview({ ...this.output.handlers })).changeSummary;
  }

  /** `pulumi refresh`; returns the summary's resource changes. */
  async refresh(): Promise<OpMap> {
    this.exported = undefined;
    const result = await this.stack.refresh({ ...this.output.handlers });
    expect(result.summary.result, "refresh").to.equal("succeeded");
    return result.summary.resourceChanges ?? {};
  }

  /** `pulumi destroy`; returns the summary's resource changes. */
  async destroy(): Promise<OpMap> {
    this.exported = undefined;
    const result = await this.stack.destroy({ ...this.output.handlers });
    expect(result.summary.result, "destroy").to.equal("succeeded");
    return result.summary.resourceChanges ?? {};
  }

  /** The resources in the exported state, secrets still encrypted. */
  async resources(): Promise<StateResource[]> {
    return (await this.state()).deployment.resources ?? [];
  }

  /** The exported state (`pulumi stack export`, secrets encrypted), cached until the next operation. */
  state(): Promise<Deployment> {
    this.exported ??= exportState(this.stack);
    return this.exported;
  }

  /** The resource named `name` in state, or undefined when it is not there. */
  async find(name: string): Promise<StateResource | undefined> {
    return (await this.resources()).find((r) => r.urn.endsWith(`::${name}`));
  }

  /** The resource named `name` in state; fails when it is missing. */
  async get(name: string): Promise<StateResource> {
    const found = await this.find(name);
    expect(found, `resource ${name} in state`).to.not.equal(undefined);
    return found!;
  }

  /** The stack outputs as the engine recorded them (encrypted where secret). */
  async stackOutputs(): Promise<Record<string, StateValue>> {
    const root = (await this.resources()).find((r) => r.type === "pulumi:pulumi:Stack");
    return root?.outputs ?? {};
  }

  /** Scans the exported state and everything the CLI printed so far for every known secret. */
  async expectNoLeaks(): Promise<void> {
    const secrets = this.atlas.secrets();
    expectNoSecrets("the exported state", JSON.stringify(await this.state()), secrets);
    expectNoSecrets("the CLI output and engine events", this.output.text(), secrets);
  }

  /** Deletes the stack's temporary backend and work directory. */
  remove(): void {
    removeStackFiles(this.stack);
  }
}

function configValue(value: ConfigValue) {
  if (Array.isArray(value)) return { value: JSON.stringify(value) };
  return typeof value === "string" ? { value } : value;
}

/** True when a state value is an encrypted secret (`{"4dabf18193072939515e22adb298388d": ..., ciphertext}`). */
export function isCiphertext(value: unknown): boolean {
  return (
    typeof value === "object" && value !== null && typeof (value as { ciphertext?: unknown }).ciphertext === "string"
  );
}

/** Asserts an `up`/`refresh` summary lists only these operations (plus `same`). */
export function expectOnly(changes: OpMap, expected: OpMap): void {
  const { same: _same, ...rest } = changes;
  expect(rest).to.deep.equal(expected);
}
