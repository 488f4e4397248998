import type * as pulumi from "@pulumi/pulumi";
import { Failures } from "../../shared/check-failures";
import { checkClientId, checkSecretHours } from "../../shared/service-accounts";
import { checkId } from "../../shared/validators";
import type { ServiceAccountSecretInputs } from "./model";

/** Validates ServiceAccountSecret inputs before any request: ids and the lifetime (8–8760 hours). */
export function checkServiceAccountSecret(
  news: Partial<ServiceAccountSecretInputs>,
): pulumi.dynamic.CheckResult<ServiceAccountSecretInputs> {
  const failures = new Failures();
  const inputs: ServiceAccountSecretInputs = {
    orgId: checkId(failures, "orgId", news.orgId),
    clientId: checkClientId(failures, "clientId", news.clientId),
    secretExpiresAfterHours: checkSecretHours(failures, news.secretExpiresAfterHours),
  };
  return { inputs, failures: failures.list };
}
