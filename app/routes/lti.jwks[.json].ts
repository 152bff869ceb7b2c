/** The LTI tool's public keys (JWK Set), for platforms to verify what the tool signs. */
import { toolJwks } from "~/lti/tool-keys.server.ts";

export function loader() {
  return Response.json(toolJwks(), { headers: { "Cache-Control": "public, max-age=3600" } });
}
