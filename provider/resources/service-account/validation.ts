import type * as pulumi from "@pulumi/pulumi";
import { Failures } from "../../shared/check-failures";
import { checkClientId, checkOrgRoles, checkSecretHours, checkText } from "../../shared/service-accounts";
import { checkId } from "../../shared/validators";
import { clean } from "../common/contract";
import type { ServiceAccountInputs } from "./model";

/**
 * Validates ServiceAccount inputs before any request: ids, name (1–64) and
 * description (1–250) in Atlas's character set, organization roles, and the
 * first secret: either its lifetime (8–8760 hours) or `withoutInitialSecret`.
 */
export function checkServiceAccount(
  news: Partial<ServiceAccountInputs>,
): pulumi.dynamic.CheckResult<ServiceAccountInputs> {
  const failures = new Failures();
  const adopting = news.adoptClientId !== undefined && news.adoptClientId !== null;
  const hours = news.secretExpiresAfterHours !== undefined && news.secretExpiresAfterHours !== null;
  const inputs: ServiceAccountInputs = {
    orgId: checkId(failures, "orgId", news.orgId),
    name: checkText(failures, "name", news.name),
    description: checkText(failures, "description", news.description),
    roles: checkOrgRoles(failures, news.roles),
    secretExpiresAfterHours: hours ? checkSecretHours(failures, news.secretExpiresAfterHours) : undefined,
    withoutInitialSecret: news.withoutInitialSecret ? true : undefined,
    adoptClientId: adopting ? checkClientId(failures, "adoptClientId", news.adoptClientId) : undefined,
  };
  if (news.withoutInitialSecret !== undefined && typeof news.withoutInitialSecret !== "boolean") {
    failures.add("withoutInitialSecret", "withoutInitialSecret must be true or false.");
  }
  if (adopting && hours) {
    failures.add(
      "secretExpiresAfterHours",
      "secretExpiresAfterHours makes a first secret at creation, and an adopted account is not created: remove it and add a ServiceAccountSecret for a new secret.",
    );
  } else if (!adopting && hours && news.withoutInitialSecret === true) {
    failures.add(
      "withoutInitialSecret",
      "Set either secretExpiresAfterHours (create a first secret with this lifetime) or withoutInitialSecret: true (no secret), not both: Atlas refuses both.",
    );
  } else if (!adopting && !hours && news.withoutInitialSecret !== true) {
    failures.add(
      "secretExpiresAfterHours",
      "secretExpiresAfterHours is required to create the first secret (8 to 8760 hours, e.g. 720); or set withoutInitialSecret: true and manage secrets with ServiceAccountSecret.",
    );
  }
  return { inputs: clean(inputs), failures: failures.list };
}
