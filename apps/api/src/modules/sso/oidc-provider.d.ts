// oidc-provider (a devDependency, used only by the SSO tests as a real local provider) ships no types: the
// little the tests use, loosely.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  // biome-ignore lint/suspicious/noExplicitAny: the provider's configuration and context are untyped here
  type Loose = any;
  export default class Provider {
    constructor(issuer: string, configuration: Loose);
    use(middleware: (ctx: Loose, next: () => Promise<void>) => Promise<void>): void;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionFinished(req: IncomingMessage, res: ServerResponse, result: Loose, options?: Loose): Promise<void>;
  }
}
