/**
 * The eight resource classes, as the program registers them (Pulumi's mocks stand in for the
 * engine): each honours an explicit `Provider` in `opts.provider` or `opts.providers` (taken
 * out of the options, its settings a secret input `__credentials`), reads with
 * `get(name, id, state?, opts?)`, and answers `isInstance` only for its own instances.
 */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as atlas from "../../../provider";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  provider?: string;
  id?: string;
}

const registered: Registered[] = [];

const ORG = "5f0000000000000000000001";
const PROJECT = "5f0000000000000000000002";
const KEY = "5f0000000000000000000003";
const CLIENT = "mdb_sa_id_5f0000000000000000000004";

/** One constructor call of each class, with the arguments it requires. */
const CLASSES = [
  { cls: atlas.ApiKey, args: { orgId: ORG, description: "d", roleNames: ["ORG_READ_ONLY"] } },
  { cls: atlas.ProjectApiKey, args: { description: "d", projectAssignments: [{ projectId: PROJECT, roleNames: [] }] } },
  { cls: atlas.ApiKeyProjectAssignment, args: { projectId: PROJECT, apiKeyId: KEY, roles: ["GROUP_READ_ONLY"] } },
  { cls: atlas.AccessListApiKey, args: { orgId: ORG, apiKeyId: KEY, ipAddress: "203.0.113.7" } },
  { cls: atlas.ServiceAccount, args: { orgId: ORG, description: "d", roles: ["ORG_READ_ONLY"] } },
  { cls: atlas.ServiceAccountSecret, args: { orgId: ORG, clientId: CLIENT, secretExpiresAfterHours: 8 } },
  {
    cls: atlas.ServiceAccountProjectAssignment,
    args: { projectId: PROJECT, clientId: CLIENT, roles: ["GROUP_OWNER"] },
  },
  { cls: atlas.ServiceAccountAccessListEntry, args: { orgId: ORG, clientId: CLIENT, cidrBlock: "203.0.113.0/24" } },
] as const;

/** The value of a secret input as the engine receives it; fails if the input is not a secret. */
function secretValue(input: unknown): Record<string, unknown> {
  const wrapped = input as Record<string, unknown> | undefined;
  expect(wrapped?.[pulumi.runtime.specialSigKey], "a secret").to.equal(pulumi.runtime.specialSecretSig);
  return wrapped!.value as Record<string, unknown>;
}

type AnyClass = new (name: string, args: object, opts?: pulumi.CustomResourceOptions) => pulumi.CustomResource;

/** Waits for the mocks to have seen every registration made so far. */
function settled(resources: pulumi.Resource[]): Promise<unknown> {
  return new Promise((resolve) => pulumi.all(resources.map((r) => r.urn)).apply(resolve));
}

describe("program: the resource classes and an explicit Provider", () => {
  before(async () => {
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          registered.push({
            type: args.type,
            name: args.name,
            inputs: args.inputs,
            provider: args.provider,
            id: args.id,
          });
          return { id: args.id ?? `${args.name}-id`, state: args.inputs };
        },
        call: () => ({}),
      },
      "project",
      "stack",
      false,
    );
  });
  beforeEach(() => (registered.length = 0));

  for (const { cls, args } of CLASSES) {
    const Class = cls as unknown as AnyClass;
    const type = `pulumi-nodejs:dynamic/mongodbatlas:${cls.name}`;

    it(`${cls.name}: { provider } becomes the secret input __credentials, and the engine sees no provider`, async () => {
      const partner = new atlas.Provider(`partner-${cls.name}`, { publicKey: "abcdefgh", privateKey: "not-real" });
      const named = new Class(`named-${cls.name}`, args, { provider: partner });
      const listed = new Class(`listed-${cls.name}`, args, { providers: [partner] } as pulumi.CustomResourceOptions);
      const plain = new Class(`plain-${cls.name}`, args);
      await settled([named, listed, plain]);
      for (const name of [`named-${cls.name}`, `listed-${cls.name}`]) {
        const seen = registered.find((r) => r.name === name)!;
        expect(seen.provider ?? "", `${name}: a provider reached the engine`).to.equal("");
        expect(secretValue(seen.inputs.__credentials), `${name}: __credentials`).to.include({
          provider: `partner-${cls.name}`,
        });
      }
      expect(registered.find((r) => r.name === `plain-${cls.name}`)!.inputs).to.not.have.property("__credentials");
    });

    it(`${cls.name}: get(name, id, state, opts) reads with the provider; isInstance is true only for its own`, async () => {
      const partner = new atlas.Provider(`reader-${cls.name}`, { publicKey: "abcdefgh", privateKey: "not-real" });
      const Get = cls as unknown as { get(n: string, id: string, s?: object, o?: object): pulumi.CustomResource };
      const read = Get.get(`read-${cls.name}`, "some/id", {}, { provider: partner });
      const readOldForm = Get.get(`read-old-${cls.name}`, "some/id", { provider: partner });
      await settled([read, readOldForm]);
      for (const name of [`read-${cls.name}`, `read-old-${cls.name}`]) {
        const seen = registered.find((r) => r.name === name)!;
        expect(seen.id, `${name}: read, not created`).to.equal("some/id");
        expect(secretValue(seen.inputs.__credentials), `${name}: __credentials`).to.include({
          provider: `reader-${cls.name}`,
        });
      }
      const isInstance = (c: unknown, obj: unknown) => (c as { isInstance(o: unknown): boolean }).isInstance(obj);
      expect(isInstance(cls, read)).to.equal(true);
      for (const other of CLASSES.filter((c) => c.cls !== cls)) {
        expect(isInstance(other.cls, read), `${other.cls.name}.isInstance(a ${cls.name})`).to.equal(false);
      }
      expect(registered.find((r) => r.name === `read-${cls.name}`)!.type).to.equal(type);
    });
  }
});
