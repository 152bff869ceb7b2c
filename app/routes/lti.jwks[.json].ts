/** The LTI tool's public keys (JWK Set), for platforms to verify what the tool signs. */
import { withErrorPages } from "~/errors/resource-errors.server.ts";
import { toolJwks } from "~/lti/tool-keys.server.ts";

export const loader = withErrorPages(async () => Response.json(toolJwks(), { headers: { "Cache-Control": "public, max-age=3600" } }));
