import { AtlasDomainError } from "../../../../emulator/model/domain-error";
import { seedDefaults } from "../../../../emulator/model/fixtures";
import { AtlasModel } from "../../../../emulator/model/model";

/** Runs `fn` and returns the domain error it throws (fails the test when it does not throw one). */
export function domainError(fn: () => unknown): AtlasDomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AtlasDomainError) return err;
    throw err;
  }
  throw new Error("expected an AtlasDomainError");
}

/** The ids of a model seeded with the default fixtures, on a fixed clock (2026-08-21T10:15:30.789Z). */
export interface FreshModel {
  model: AtlasModel;
  orgId: string;
  projectId: string;
  otherProjectId: string;
  otherOrgProjectId: string;
}

/** A model with the default fixtures. */
export function freshModel(): FreshModel {
  const model = new AtlasModel({ seed: "model-test", now: () => Date.UTC(2026, 7, 21, 10, 15, 30, 789) });
  const [main, other] = seedDefaults(model);
  return {
    model,
    orgId: main.orgId,
    projectId: main.projectIds[0],
    otherProjectId: main.projectIds[1],
    otherOrgProjectId: other.projectIds[0],
  };
}
