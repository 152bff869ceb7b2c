/**
 * LTI 1.3 launches in the browser: the test platform (tests/helpers/lti-platform.ts) registered on
 * the platform server as an operator does it (`npm run lti:register`), and launches that go through
 * the browser the way a Moodle course sends them: /lti/login, the platform's authorization page
 * (an auto-posted form), then the form post to /lti/launch.
 */
import { execFileSync } from "node:child_process";
import type { Page, Request } from "@playwright/test";
import type { LaunchOptions, LtiTestPlatform } from "../helpers/lti-platform.ts";
import { executeOnPlatform, PLATFORM_DATABASE_URL } from "./platform-database.ts";
import { PLATFORM_PORT } from "./servers.ts";

/** The tool as the platform knows it: the server's PUBLIC_URL is unset, so its address is http://localhost:<port>. */
export const TOOL_URL = `http://localhost:${PLATFORM_PORT}`;
export const TOOL_LOGIN_URL = `${TOOL_URL}/lti/login`;
export const TOOL_LAUNCH_URL = `${TOOL_URL}/lti/launch`;

/** Registers the platform and its deployment on the server's database with the operator's command. */
export function registerOnTool(platform: LtiTestPlatform, name: string) {
  execFileSync(
    "npm",
    [
      "run",
      "--silent",
      "lti:register",
      "--",
      ...["--name", name, "--issuer", platform.issuer, "--client-id", platform.clientId, "--deployment", platform.deploymentId],
      ...["--auth-login-url", platform.authLoginUrl, "--token-url", platform.authTokenUrl, "--jwks-url", platform.jwksUrl],
    ],
    { env: { ...process.env, DATABASE_URL: PLATFORM_DATABASE_URL }, stdio: "pipe" },
  );
}

/**
 * Removes the registration: deployments, identities and course contexts go with it (cascade); login
 * states, which keep no foreign key, are removed by hand. Accounts and cohorts stay, as they would.
 */
export async function unregisterFromTool(platform: LtiTestPlatform): Promise<number> {
  await executeOnPlatform('DELETE FROM "LtiLoginState" WHERE "platformId" IN (SELECT "id" FROM "LtiPlatform" WHERE "issuer" = ?)', [
    platform.issuer,
  ]);
  return executeOnPlatform('DELETE FROM "LtiPlatform" WHERE "issuer" = ?', [platform.issuer]);
}

export interface LaunchPost {
  /** The status /lti/launch answered (303 when it let the person in). */
  status: number;
  /** Where it sent the browser next (a path of the site), when it let the person in. */
  location: string | null;
  /** The fields the platform's page posted: id_token and state. */
  fields: URLSearchParams;
}

const isLaunchPost = (request: Request) => request.url() === TOOL_LAUNCH_URL && request.method() === "POST";

/** The form post to /lti/launch that `start` causes, once the tool has answered it. */
async function launchPostOf(page: Page, start: () => Promise<unknown>): Promise<LaunchPost> {
  const posted = page.waitForRequest(isLaunchPost);
  await start();
  const request = await posted;
  const response = await request.response();
  if (!response) throw new Error("/lti/launch n'a pas répondu");
  return {
    status: response.status(),
    location: response.headers().location ?? null,
    fields: new URLSearchParams(request.postData() ?? ""),
  };
}

/**
 * The person opens the activity in a new window from their course: the platform sends the browser
 * to /lti/login, the tool to the platform's authorization page, whose form posts the id_token back.
 * Without JavaScript the form does not post itself: the person presses its button, as on Moodle.
 */
export function launchFromPlatform(
  page: Page,
  platform: LtiTestPlatform,
  launch: LaunchOptions,
  { javaScript = true }: { javaScript?: boolean } = {},
): Promise<LaunchPost> {
  platform.setNextLaunch(launch);
  return launchPostOf(page, async () => {
    await page.goto(platform.loginInitiationUrl(TOOL_LOGIN_URL), { waitUntil: "commit" });
    if (!javaScript) await page.getByRole("button", { name: "Continue" }).click();
  });
}

let replays = 0;
/**
 * Posts `fields` to /lti/launch from a page of the platform's origin, with a button pressed by the
 * person: the same id_token and state posted again (a replay), or posted from another browser.
 */
export function postAgainFromPlatform(page: Page, platform: LtiTestPlatform, fields: URLSearchParams): Promise<LaunchPost> {
  replays += 1;
  const url = `${platform.issuer}/rejeu/${replays}`;
  const attribute = (value: string) => value.replace(/[&"<]/g, (c) => `&#${c.charCodeAt(0)};`);
  const inputs = [...fields].map(([name, value]) => `<input type="hidden" name="${attribute(name)}" value="${attribute(value)}">`).join("");
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Moodle</title></head>
<body><form method="post" action="${TOOL_LAUNCH_URL}">${inputs}<button type="submit">Continue</button></form></body></html>`;
  return launchPostOf(page, async () => {
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body }));
    await page.goto(url);
    await page.getByRole("button", { name: "Continue" }).click();
  });
}
