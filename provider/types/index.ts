/** Nested shapes, as `types` of `@pulumi/mongodbatlas` names them. */
import * as input from "./input";
import * as output from "./output";

export { input, output };
