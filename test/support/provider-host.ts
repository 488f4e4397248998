/**
 * The real dynamic-provider host of `@pulumi/pulumi` (`cmd/dynamic-provider`), started as the
 * engine starts it and called over gRPC as the engine calls it: the serialized stub in
 * `__provider` is deserialized there, loads the runtime from this repository, and errors come
 * back as the engine sees them (a partial result is an `ErrorResourceInitFailed` detail). No
 * Pulumi CLI is needed. See ../shared/reference/pulumi-dynamic-providers.md.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as pulumi from "@pulumi/pulumi";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { serializableProvider, type ResourceKind } from "../../provider/runtime/serializable";

/* eslint-disable @typescript-eslint/no-require-imports -- the generated stubs ship as CommonJS without types */
const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
const provproto = require("@pulumi/pulumi/proto/provider_pb");
const statusproto = require("@pulumi/pulumi/proto/status_pb");
/* eslint-enable @typescript-eslint/no-require-imports */

type Props = Record<string, unknown>;

/** A failed call as the engine sees it; `partial` when the host reported a partial result. */
export interface HostError extends Error {
  partial?: { id: string; properties: Props };
}

const REPOSITORY = path.resolve(__dirname, "..", "..", "..");

/** The `__provider` text of a resource kind, as `pulumi.dynamic.Resource` stores it. */
export async function providerText(kind: ResourceKind): Promise<string> {
  const provider = serializableProvider(kind);
  return (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
}

/** A running host process and a client for it. */
export class ProviderHost {
  private constructor(
    private readonly process: ChildProcess,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- generated client
    private readonly client: any,
  ) {}

  /** Starts the host with the repository as working directory, as the CLI does for a program there. */
  static async start(): Promise<ProviderHost> {
    const host = require.resolve("@pulumi/pulumi/cmd/dynamic-provider/index.js");
    // The engine address is not used by the host's resource calls; nothing listens there.
    const child = spawn(process.execPath, [host, "127.0.0.1:9"], {
      cwd: REPOSITORY,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const port = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const line = out.match(/^(\d+)\s*$/m);
        if (line) resolve(line[1]);
      });
      child.once("exit", (code) => reject(new Error(`the provider host exited with ${code}`)));
    });
    child.stderr!.resume();
    const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return new ProviderHost(child, client);
  }

  async close(): Promise<void> {
    this.client.close();
    if (this.process.exitCode === null) {
      const exited = new Promise((resolve) => this.process.once("exit", resolve));
      this.process.kill();
      await exited;
    }
  }

  /** `Configure` with the stack config (full keys such as `mongodbatlas:publicKey`). */
  async configure(config: Record<string, string>): Promise<void> {
    const request = new provproto.ConfigureRequest();
    request.setArgs(Struct.fromJavaScript(config));
    await this.call("configure", request);
  }

  async create(urn: string, properties: Props): Promise<{ id: string; properties: Props }> {
    const request = new provproto.CreateRequest();
    request.setUrn(urn);
    request.setProperties(Struct.fromJavaScript(properties as never));
    const response = await this.call("create", request);
    return { id: response.getId(), properties: response.getProperties().toJavaScript() };
  }

  async read(urn: string, id: string, properties: Props): Promise<{ id: string; properties: Props }> {
    const request = new provproto.ReadRequest();
    request.setUrn(urn);
    request.setId(id);
    request.setProperties(Struct.fromJavaScript(properties as never));
    const response = await this.call("read", request);
    return { id: response.getId(), properties: response.getProperties()?.toJavaScript() ?? {} };
  }

  async update(urn: string, id: string, olds: Props, news: Props): Promise<Props> {
    const request = new provproto.UpdateRequest();
    request.setUrn(urn);
    request.setId(id);
    request.setOlds(Struct.fromJavaScript(olds as never));
    request.setNews(Struct.fromJavaScript(news as never));
    const response = await this.call("update", request);
    return response.getProperties().toJavaScript();
  }

  async delete(urn: string, id: string, properties: Props): Promise<void> {
    const request = new provproto.DeleteRequest();
    request.setUrn(urn);
    request.setId(id);
    request.setProperties(Struct.fromJavaScript(properties as never));
    await this.call("delete", request);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- generated messages
  private call(method: string, request: unknown): Promise<any> {
    return new Promise((resolve, reject) => {
      this.client[method](request, (error: grpc.ServiceError | null, response: unknown) => {
        if (error) reject(hostError(error));
        else resolve(response);
      });
    });
  }
}

/** Decodes a partial result (`ErrorResourceInitFailed`) the way the engine does. */
function hostError(error: grpc.ServiceError): HostError {
  const failure: HostError = new Error(error.details || error.message);
  const [details] = error.metadata?.get("grpc-status-details-bin") ?? [];
  if (details) {
    const status = statusproto.Status.deserializeBinary(details as Buffer);
    for (const any of status.getDetailsList()) {
      if (any.getTypeName() !== "pulumirpc.ErrorResourceInitFailed") continue;
      const init = provproto.ErrorResourceInitFailed.deserializeBinary(any.getValue_asU8());
      failure.partial = { id: init.getId(), properties: init.getProperties()?.toJavaScript() ?? {} };
    }
  }
  return failure;
}
