/**
 * The e2e and reliability tiers' gate on the Pulumi CLI: run, skip saying why, or fail in CI.
 */
import { cacheBinDir, findPulumiCli, MIN_PULUMI_VERSION } from "../../harness/pulumi";

/**
 * Returns the CLI directory for an end-to-end suite. Without a CLI, fails in CI (the e2e tier
 * must never be skipped silently there) and skips the suite elsewhere, saying why.
 */
export function requirePulumiCli(ctx: Mocha.Context): string {
  const binDir = findPulumiCli();
  if (binDir) return binDir;
  const hint = `no Pulumi CLI >= ${MIN_PULUMI_VERSION} on PATH or in ${cacheBinDir()}; run scripts/install-pulumi`;
  if (process.env.CI === "true") throw new Error(`e2e tests cannot run in CI: ${hint}`);
  console.log(`    skipping end-to-end tests: ${hint}`);
  ctx.skip();
}
