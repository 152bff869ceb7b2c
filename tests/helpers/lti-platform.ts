/**
 * A small LTI 1.3 platform for tests without internet, shaped on what Moodle 4.x (mod/lti) sends and
 * serves, so that the tool (app/lti/) is tested against a platform's security model rather than a mock:
 *
 * - a JWKS (`/mod/lti/certs.php`) with rotatable RS256 keys, counting fetches;
 * - the OIDC authorization endpoint (`/mod/lti/auth.php`) answering with an auto-posted form (form_post);
 * - the OAuth 2 token endpoint (`/mod/lti/token.php`) checking the tool's signed client assertion;
 * - Assignment and Grade Services (line items, scores) and Names and Role Provisioning (members);
 * - the deep linking return URL, and a course page that opens the tool in an iframe as Moodle does.
 *
 * Claims follow Moodle's lti_sign_jwt() and its claim mapping (roles converted from Moodle's short
 * names to the LIS v2 URIs, `tool_platform`, `ext.lms: "moodle-2"`, context type "CourseSection", AGS
 * URLs carrying `?type_id=`). Attack tokens (alg none, HS256 with the public key, another key with the
 * same kid, any claim or header changed) are built with `idToken()`.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  CompactSign,
  createLocalJWKSet,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  jwtVerify,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
  type CompactJWSHeaderParameters,
  type JWTPayload,
} from "jose";

export const LTI_CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";
export const AGS_ENDPOINT_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
export const NRPS_CLAIM = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
export const DEEP_LINKING_CLAIM = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";

export const AGS_SCOPES = {
  lineItem: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  lineItemReadOnly: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
  resultReadOnly: "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
  score: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
} as const;
export const NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

export const MEDIA_TYPES = {
  lineItem: "application/vnd.ims.lis.v2.lineitem+json",
  lineItemContainer: "application/vnd.ims.lis.v2.lineitemcontainer+json",
  score: "application/vnd.ims.lis.v1.score+json",
  membershipContainer: "application/vnd.ims.lti-nrps.v2.membershipcontainer+json",
} as const;

export const CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

export type LtiRole = "Learner" | "Instructor" | "Administrator";

/**
 * What Moodle 4.x puts in the roles claim: lti_get_ims_role() gives « Learner » or « Instructor » (a
 * site admin loses Learner and gains the system and institution Administrator roles), then
 * lti_sign_jwt() turns each into its LIS v2 URI. Moodle sends no institution role to a learner.
 */
export const ROLE_URIS: Record<LtiRole, string[]> = {
  Learner: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
  Instructor: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"],
  Administrator: [
    "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
    "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
    "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator",
  ],
};

export interface IdTokenOptions {
  nonce: string;
  /** Mapped to the role URIs Moodle sends (ROLE_URIS). Default "Learner". */
  role?: LtiRole;
  /** Default "2", like Moodle user ids. */
  sub?: string;
  /** null: claims name/given_name/family_name absent (Open edX withholds them). */
  name?: string | null;
  /** null: claim absent. */
  email?: string | null;
  /** Default { id: "17", title: "Alliances — L3 AES", label: "ALL-L3" }. */
  context?: { id: string; title: string; label?: string };
  /** Default { id: "3", title: "Faire alliance, le parcours" }; absent from deep linking requests. */
  resourceLink?: { id: string; title?: string };
  /** The tool's launch target (https://…/lti/launch?… or the path URL). */
  targetLinkUri: string;
  /** Default "LtiDeepLinkingRequest" when `deepLinking` is given, otherwise "LtiResourceLinkRequest". */
  messageType?: "LtiResourceLinkRequest" | "LtiDeepLinkingRequest";
  deploymentId?: string;
  /** The custom claim, absent when not given (Moodle sends it only when the activity has custom parameters). */
  custom?: Record<string, string>;
  /** For attacks: set any claim after the defaults (aud, iss, exp…); `undefined` removes the claim. */
  claims?: Record<string, unknown>;
  /** For attacks: set any protected header parameter (kid, typ…). alg "none" signs nothing; alg "HS256" signs with the public key's PEM as the HMAC secret (algorithm confusion). */
  header?: Record<string, unknown>;
  /** "stranger": a key the JWKS does not publish, with the current kid. */
  signWith?: "platform" | "stranger";
  /** An `alg: none` token with an empty signature. */
  unsigned?: boolean;
  /** Creates (once per resource link) a line item on this server and adds the AGS endpoint claim. */
  lineItem?: { scoreMaximum: number; label: string };
  /** Adds the deep_linking_settings claim (return URL on this server unless given). */
  deepLinking?: { returnUrl?: string };
}

export type LaunchOptions = Omit<IdTokenOptions, "nonce">;

/** A line item as AGS 2.0 (§3.2) describes it. */
export interface AgsLineItem {
  id: string;
  scoreMaximum: number;
  label: string;
  resourceLinkId?: string;
  resourceId?: string;
  tag?: string;
  startDateTime?: string;
  endDateTime?: string;
}

/** A score as the tool posted it (AGS 2.0 §3.4), with the line item it was posted to. */
export interface ReceivedScore {
  lineItem: string;
  userId: string;
  scoreGiven?: number;
  scoreMaximum?: number;
  comment?: string;
  activityProgress: string;
  gradingProgress: string;
  timestamp: string;
}

/** A member as NRPS 2.0 (§2.3) lists it; roles are URIs (ROLE_URIS). */
export interface NrpsMember {
  user_id: string;
  roles: string[];
  status?: "Active" | "Inactive" | "Deleted";
  name?: string;
  given_name?: string;
  family_name?: string;
  email?: string;
  lis_person_sourcedid?: string;
}

export interface LtiTestPlatform {
  /** "http://127.0.0.1:<port>", its own origin. */
  issuer: string;
  clientId: string;
  deploymentId: string;
  authLoginUrl: string;
  authTokenUrl: string;
  jwksUrl: string;
  /** Signs an id_token for a resource link launch (or deep linking), Moodle-shaped, with these overrides. */
  idToken(options: IdTokenOptions): Promise<string>;
  /** Rotates the signing key (new kid); the JWKS then publishes both, or only the new one with { dropOld: true }. */
  rotateKey(options?: { dropOld?: boolean }): Promise<void>;
  /** How many times the JWKS was fetched (to test caching). */
  jwksFetches(): number;
  /** The launch the authorization endpoint answers next (its nonce comes from the tool's request). */
  setNextLaunch(options: LaunchOptions): void;
  /** Registers one of the tool's redirect URIs (the authorization endpoint refuses any other). */
  allowRedirect(uri: string): void;
  /** The tool's JWKS URL: client assertions and deep linking responses are verified against it. */
  trustToolJwks(url: string): void;
  /** The tool's login initiation URL with Moodle's parameters for the next launch (GET; Moodle posts the same). */
  loginInitiationUrl(toolLoginUrl: string): string;
  /** A course page on this platform that opens the next launch in an iframe, as Moodle's view.php does. */
  coursePageUrl(toolLoginUrl: string): string;
  /** The members the NRPS endpoint lists (empty until set). */
  setMembers(members: NrpsMember[]): void;
  lineItems(): AgsLineItem[];
  /** Scores received and accepted, in order. */
  scores(): ReceivedScore[];
  /** The next `count` score posts answer `status` (a platform down), and are not recorded. */
  failNextScores(count: number, status?: number): void;
  /** Forgets every access token issued (as if they expired): services answer 401 until a new one is asked. */
  revokeTokens(): void;
  /** Verified payloads of the deep linking responses the tool posted back. */
  deepLinkingResponses(): JWTPayload[];
  close(): Promise<void>;
}

const DEFAULT_SUB = "2";
const DEFAULT_CONTEXT = { id: "17", title: "Alliances — L3 AES", label: "ALL-L3" };
const DEFAULT_RESOURCE_LINK = { id: "3", title: "Faire alliance, le parcours" };
const DEFAULT_NAME = "Camille Martin";
/** Moodle's `type_id`: the id of the tool registration, in every service URL. */
const TYPE_ID = "1";
const MOODLE_VERSION = "2024100700";

interface PlatformKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
  publicKey: CryptoKey;
}

interface Reply {
  status: number;
  type: string;
  body: string;
  headers?: Record<string, string>;
}

const reply = {
  text: (status: number, body: string, headers?: Record<string, string>): Reply => ({
    status,
    type: "text/plain; charset=utf-8",
    body,
    headers,
  }),
  json: (status: number, value: unknown, type = "application/json"): Reply => ({ status, type, body: JSON.stringify(value) }),
  html: (body: string): Reply => ({ status: 200, type: "text/html; charset=utf-8", body }),
  /** RFC 6749 §5.2 error response of the token endpoint. */
  oauthError: (status: number, error: string, description: string): Reply => reply.json(status, { error, error_description: description }),
};

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A page that posts `fields` to `action` on load, with a button when scripts are off (as Moodle's pages do). */
function autoPostPage(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Moodle</title></head>
<body>
<form method="post" action="${escapeHtml(action)}" id="ltiAutoPost">
${inputs}
<noscript><button type="submit">Continue</button></noscript>
</form>
<script>document.getElementById("ltiAutoPost").submit();</script>
</body></html>`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The JSON body, or undefined when it is not JSON (the callers then answer 400). */
async function readJson(req: IncomingMessage): Promise<unknown> {
  try {
    return JSON.parse(await readBody(req)) as unknown;
  } catch {
    return undefined;
  }
}

const mediaType = (req: IncomingMessage) => (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

async function newKey(): Promise<PlatformKey> {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  return { kid: randomUUID(), privateKey, publicKey, publicJwk: await exportJWK(publicKey) };
}

/** Person claims as Moodle maps them (lis_person_name_full → name, …); null leaves them out. */
function personClaims(name: string | null | undefined, email: string | null | undefined): Record<string, string> {
  const claims: Record<string, string> = {};
  const full = name === undefined ? DEFAULT_NAME : name;
  if (full !== null) {
    const [given = "", ...family] = full.split(" ");
    Object.assign(claims, { name: full, given_name: given, family_name: family.join(" ") });
  }
  const address = email === undefined ? "camille.martin@univ-test.fr" : email;
  if (address !== null) claims.email = address;
  return claims;
}

const ACTIVITY_PROGRESS = ["Initialized", "Started", "InProgress", "Submitted", "Completed"];
const GRADING_PROGRESS = ["FullyGraded", "Pending", "PendingManual", "Failed", "NotReady"];

/** AGS 2.0 §3.4: what a score must carry; null when it is acceptable. */
function scoreProblem(body: unknown): string | null {
  if (!isRecord(body)) return "the score is not a JSON object";
  if (typeof body.userId !== "string" || body.userId === "") return "userId is required";
  if (typeof body.activityProgress !== "string" || !ACTIVITY_PROGRESS.includes(body.activityProgress))
    return `activityProgress must be one of ${ACTIVITY_PROGRESS.join(", ")}`;
  if (typeof body.gradingProgress !== "string" || !GRADING_PROGRESS.includes(body.gradingProgress))
    return `gradingProgress must be one of ${GRADING_PROGRESS.join(", ")}`;
  if (typeof body.timestamp !== "string" || Number.isNaN(Date.parse(body.timestamp))) return "timestamp must be an ISO 8601 date-time";
  if (body.scoreGiven !== undefined) {
    if (typeof body.scoreGiven !== "number" || body.scoreGiven < 0) return "scoreGiven must be a number ≥ 0";
    if (typeof body.scoreMaximum !== "number" || body.scoreMaximum <= 0) return "scoreGiven requires scoreMaximum > 0";
  }
  return null;
}

export async function startLtiPlatform(options: { clientId?: string } = {}): Promise<LtiTestPlatform> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = options.clientId ?? `aafa-tool-${randomBytes(4).toString("hex")}`;
  const deploymentId = "1";
  const authLoginUrl = `${issuer}/mod/lti/auth.php`;
  const authTokenUrl = `${issuer}/mod/lti/token.php`;
  const jwksUrl = `${issuer}/mod/lti/certs.php`;
  const sesskey = randomBytes(5).toString("hex");

  let keys = [await newKey()];
  const current = () => keys[keys.length - 1]!;
  const stranger = await newKey();
  let jwksFetchCount = 0;
  const redirectUris = new Set<string>();
  let nextLaunch: LaunchOptions | undefined;
  let toolJwksUrl: string | undefined;
  const tokens = new Map<string, { scopes: string[]; expiresAt: number }>();
  const usedAssertionIds = new Set<string>();
  const contexts = new Map<string, { id: string; title: string; label?: string }>();
  const lineItems: (AgsLineItem & { contextId: string })[] = [];
  const received: ReceivedScore[] = [];
  let members: NrpsMember[] = [];
  const issuedDeepLinkingData = new Set<string>();
  const deepLinkingResponses: JWTPayload[] = [];
  let scoreFailures = { count: 0, status: 503 };

  const servicesUrl = `${issuer}/mod/lti/services.php`;
  const lineItemsUrl = (contextId: string) => `${servicesUrl}/${contextId}/lineitems?type_id=${TYPE_ID}`;
  const lineItemUrl = (contextId: string, n: number) => `${servicesUrl}/${contextId}/lineitems/${n}/lineitem?type_id=${TYPE_ID}`;
  const membershipsUrl = (contextId: string) => `${servicesUrl}/CourseSection/${contextId}/bindings/${TYPE_ID}/memberships`;
  const publicLineItem = ({ contextId: _contextId, ...item }: AgsLineItem & { contextId: string }): AgsLineItem => item;

  function createLineItem(contextId: string, fields: Omit<AgsLineItem, "id">): AgsLineItem {
    const item = { ...fields, id: lineItemUrl(contextId, lineItems.length + 1), contextId };
    lineItems.push(item);
    return publicLineItem(item);
  }

  async function toolKeySet() {
    if (!toolJwksUrl) throw new Error("trustToolJwks() was not called: the tool's keys are unknown");
    const response = await fetch(toolJwksUrl);
    if (!response.ok) throw new Error(`the tool's JWKS answered ${response.status}`);
    return createLocalJWKSet((await response.json()) as JSONWebKeySet);
  }

  // ---- id_token (LTI 1.3 core §5.1 resource link launch, LTI-DL 2.0 §4.4 deep linking request) ----

  function launchClaims(o: IdTokenOptions): Record<string, unknown> {
    const now = Math.floor(Date.now() / 1000);
    const context = o.context ?? DEFAULT_CONTEXT;
    contexts.set(context.id, context);
    const messageType = o.messageType ?? (o.deepLinking ? "LtiDeepLinkingRequest" : "LtiResourceLinkRequest");
    const resourceLink = { ...DEFAULT_RESOURCE_LINK, ...o.resourceLink };
    const claims: Record<string, unknown> = {
      iss: issuer,
      aud: clientId,
      azp: clientId,
      sub: o.sub ?? DEFAULT_SUB,
      exp: now + 60,
      iat: now,
      nonce: o.nonce,
      ...personClaims(o.name, o.email),
      [`${LTI_CLAIM}deployment_id`]: o.deploymentId ?? deploymentId,
      [`${LTI_CLAIM}message_type`]: messageType,
      [`${LTI_CLAIM}version`]: "1.3.0",
      [`${LTI_CLAIM}roles`]: ROLE_URIS[o.role ?? "Learner"],
      [`${LTI_CLAIM}context`]: { id: context.id, label: context.label ?? "", title: context.title, type: ["CourseSection"] },
      [`${LTI_CLAIM}target_link_uri`]: o.targetLinkUri,
      [`${LTI_CLAIM}tool_platform`]: {
        product_family_code: "moodle",
        version: MOODLE_VERSION,
        guid: "127.0.0.1",
        name: "Moodle de test",
        description: "Université de test (LTI)",
      },
      [`${LTI_CLAIM}launch_presentation`]: {
        locale: "fr",
        document_target: "iframe",
        return_url: `${issuer}/mod/lti/return.php?course=${context.id}&launch_container=3&instanceid=${resourceLink.id}&sesskey=${sesskey}`,
      },
      [`${LTI_CLAIM}lis`]: { person_sourcedid: "", course_section_sourcedid: "" },
      [`${LTI_CLAIM}ext`]: { lms: "moodle-2" },
      // Moodle offers NRPS when the tool registration allows it; remove with claims: { [NRPS_CLAIM]: undefined }.
      [NRPS_CLAIM]: { context_memberships_url: membershipsUrl(context.id), service_versions: ["1.0", "2.0"] },
    };
    if (messageType === "LtiResourceLinkRequest") {
      claims[`${LTI_CLAIM}resource_link`] = { id: resourceLink.id, title: resourceLink.title, description: "" };
    }
    if (o.custom) claims[`${LTI_CLAIM}custom`] = o.custom;
    if (o.lineItem) {
      const item =
        lineItems.find((candidate) => candidate.contextId === context.id && candidate.resourceLinkId === resourceLink.id) ??
        createLineItem(context.id, { ...o.lineItem, resourceLinkId: resourceLink.id });
      claims[AGS_ENDPOINT_CLAIM] = { scope: Object.values(AGS_SCOPES), lineitems: lineItemsUrl(context.id), lineitem: item.id };
    }
    if (o.deepLinking || messageType === "LtiDeepLinkingRequest") {
      const data = `dl-${randomBytes(6).toString("hex")}`;
      issuedDeepLinkingData.add(data);
      claims[DEEP_LINKING_CLAIM] = {
        deep_link_return_url:
          o.deepLinking?.returnUrl ?? `${issuer}/mod/lti/contentitem_return.php?course=${context.id}&id=${TYPE_ID}&sesskey=${sesskey}`,
        accept_types: ["ltiResourceLink"],
        accept_presentation_document_targets: ["frame", "iframe", "window"],
        accept_copy_advice: false,
        accept_multiple: true,
        accept_unsigned: false,
        auto_create: false,
        can_confirm: false,
        title: "",
        text: "",
        data,
      };
    }
    for (const [name, value] of Object.entries(o.claims ?? {})) {
      if (value === undefined) delete claims[name];
      else claims[name] = value;
    }
    return claims;
  }

  async function idToken(o: IdTokenOptions): Promise<string> {
    const payload = new TextEncoder().encode(JSON.stringify(launchClaims(o)));
    const header: Record<string, unknown> = { alg: "RS256", kid: current().kid, typ: "JWT", ...o.header };
    if (o.unsigned || header.alg === "none") {
      const encode = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
      const unsignedHeader = { alg: "none", typ: "JWT", ...o.header };
      return `${encode(new TextEncoder().encode(JSON.stringify(unsignedHeader)))}.${encode(payload)}.`;
    }
    const key =
      typeof header.alg === "string" && header.alg.startsWith("HS")
        ? new TextEncoder().encode(await exportSPKI(current().publicKey))
        : (o.signWith === "stranger" ? stranger : current()).privateKey;
    return new CompactSign(payload).setProtectedHeader(header as CompactJWSHeaderParameters).sign(key);
  }

  function loginInitiationParams(): URLSearchParams {
    if (!nextLaunch) throw new Error("setNextLaunch() first: the login initiation carries its target_link_uri and login_hint");
    // LTI 1.3 core §4.1 / IMS Security §5.1.1.1: what Moodle's lti_initiate_login() sends.
    return new URLSearchParams({
      iss: issuer,
      target_link_uri: nextLaunch.targetLinkUri,
      login_hint: nextLaunch.sub ?? DEFAULT_SUB,
      lti_message_hint: JSON.stringify({ cmid: 5, launchid: `ltilaunch${TYPE_ID}_${randomBytes(4).readUInt32BE()}` }),
      client_id: clientId,
      lti_deployment_id: nextLaunch.deploymentId ?? deploymentId,
    });
  }

  // ---- endpoints ----

  /** RFC 7517 key set, as Moodle's certs.php publishes it. */
  function serveJwks(): Reply {
    jwksFetchCount += 1;
    return reply.json(200, { keys: keys.map((key) => ({ ...key.publicJwk, kid: key.kid, alg: "RS256", use: "sig" })) });
  }

  /** OIDC Core §3.1.2.1 with IMS Security §5.1.1.2 (the authentication request) and §5.1.1.3 (form_post response). */
  async function authorize(req: IncomingMessage, url: URL): Promise<Reply> {
    const params = req.method === "POST" ? new URLSearchParams(await readBody(req)) : url.searchParams;
    const expected: [string, string][] = [
      ["scope", "openid"],
      ["response_type", "id_token"],
      ["response_mode", "form_post"],
      ["prompt", "none"],
      ["client_id", clientId],
    ];
    for (const [name, value] of expected) {
      if (params.get(name) !== value)
        return reply.text(400, `invalid_request: ${name} must be "${value}", got "${params.get(name) ?? ""}"`);
    }
    const redirectUri = params.get("redirect_uri") ?? "";
    if (!redirectUris.has(redirectUri)) return reply.text(400, `invalid_request: redirect_uri "${redirectUri}" is not registered`);
    for (const name of ["login_hint", "state", "nonce"]) {
      if (!params.get(name)) return reply.text(400, `invalid_request: ${name} is missing`);
    }
    if (!nextLaunch) return reply.text(400, "invalid_request: no launch prepared (setNextLaunch)");
    // Moodle compares login_hint with the id of the signed-in user.
    const user = nextLaunch.sub ?? DEFAULT_SUB;
    if (params.get("login_hint") !== user) return reply.text(400, `invalid_request: login_hint is not the signed-in user (${user})`);
    const token = await idToken({ ...nextLaunch, nonce: params.get("nonce")! });
    return reply.html(autoPostPage(redirectUri, { id_token: token, state: params.get("state")! }));
  }

  /** IMS Security §4.1: client credentials grant with a JWT client assertion (RFC 7523), as token.php. */
  async function issueToken(req: IncomingMessage): Promise<Reply> {
    if (req.method !== "POST") return reply.oauthError(405, "invalid_request", "POST only");
    const params = new URLSearchParams(await readBody(req));
    if (params.get("grant_type") !== "client_credentials")
      return reply.oauthError(400, "unsupported_grant_type", "grant_type must be client_credentials");
    if (params.get("client_assertion_type") !== CLIENT_ASSERTION_TYPE)
      return reply.oauthError(400, "invalid_request", `client_assertion_type must be ${CLIENT_ASSERTION_TYPE}`);
    const assertion = params.get("client_assertion");
    if (!assertion) return reply.oauthError(400, "invalid_request", "client_assertion is missing");
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(assertion, await toolKeySet(), {
        issuer: clientId,
        subject: clientId,
        audience: authTokenUrl,
        algorithms: ["RS256"],
        requiredClaims: ["jti", "exp", "iat"],
      }));
    } catch (error) {
      return reply.oauthError(401, "invalid_client", `client_assertion refused: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (usedAssertionIds.has(claims.jti!)) return reply.oauthError(401, "invalid_client", "client_assertion jti already used");
    usedAssertionIds.add(claims.jti!);
    const offered: string[] = [...Object.values(AGS_SCOPES), NRPS_SCOPE];
    const scopes = (params.get("scope") ?? "").split(" ").filter((scope) => offered.includes(scope));
    if (scopes.length === 0) return reply.oauthError(400, "invalid_scope", "none of the requested scopes is offered");
    const accessToken = randomBytes(24).toString("base64url");
    tokens.set(accessToken, { scopes, expiresAt: Date.now() + 3600_000 });
    return reply.json(200, { access_token: accessToken, token_type: "Bearer", expires_in: 3600, scope: scopes.join(" ") });
  }

  /** RFC 6750: the service call needs a live token granted one of `scopes`; null when it has one. */
  function bearerRefusal(req: IncomingMessage, scopes: string[]): Reply | null {
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1];
    const grant = token ? tokens.get(token) : undefined;
    if (!grant || grant.expiresAt < Date.now())
      return reply.text(401, "invalid_token", { "www-authenticate": 'Bearer error="invalid_token"' });
    if (!scopes.some((scope) => grant.scopes.includes(scope)))
      return reply.text(403, `insufficient_scope: needs ${scopes.join(" or ")}`, {
        "www-authenticate": 'Bearer error="insufficient_scope"',
      });
    return null;
  }

  /** AGS 2.0 §3.2: the line items container (GET, filtered by resource_link_id/resource_id/tag; POST creates). */
  async function lineItemsContainer(req: IncomingMessage, url: URL, contextId: string): Promise<Reply> {
    if (req.method === "GET") {
      const refusal = bearerRefusal(req, [AGS_SCOPES.lineItem, AGS_SCOPES.lineItemReadOnly]);
      if (refusal) return refusal;
      const filters: [string, keyof AgsLineItem][] = [
        ["resource_link_id", "resourceLinkId"],
        ["resource_id", "resourceId"],
        ["tag", "tag"],
      ];
      const items = lineItems.filter(
        (item) =>
          item.contextId === contextId &&
          filters.every(([param, field]) => !url.searchParams.has(param) || item[field] === url.searchParams.get(param)),
      );
      return reply.json(200, items.map(publicLineItem), MEDIA_TYPES.lineItemContainer);
    }
    if (req.method !== "POST") return reply.text(405, "GET or POST");
    const refusal = bearerRefusal(req, [AGS_SCOPES.lineItem]);
    if (refusal) return refusal;
    if (mediaType(req) !== MEDIA_TYPES.lineItem) return reply.text(415, `Content-Type must be ${MEDIA_TYPES.lineItem}`);
    const body = await readJson(req);
    if (!isRecord(body) || typeof body.scoreMaximum !== "number" || body.scoreMaximum <= 0 || typeof body.label !== "string" || !body.label)
      return reply.text(400, "a line item needs a label and a scoreMaximum > 0");
    const { id: _id, ...fields } = body as unknown as AgsLineItem;
    return reply.json(201, createLineItem(contextId, fields), MEDIA_TYPES.lineItem);
  }

  function findLineItem(contextId: string, n: string) {
    return lineItems.find((item) => item.contextId === contextId && item.id === lineItemUrl(contextId, Number(n)));
  }

  /** AGS 2.0 §3.2: one line item. */
  function lineItem(req: IncomingMessage, contextId: string, n: string): Reply {
    if (req.method !== "GET") return reply.text(405, "GET only here");
    const refusal = bearerRefusal(req, [AGS_SCOPES.lineItem, AGS_SCOPES.lineItemReadOnly]);
    if (refusal) return refusal;
    const item = findLineItem(contextId, n);
    return item ? reply.json(200, publicLineItem(item), MEDIA_TYPES.lineItem) : reply.text(404, "no such line item");
  }

  /** AGS 2.0 §3.4: the score publish service, `<lineitem>/scores`. */
  async function postScore(req: IncomingMessage, contextId: string, n: string): Promise<Reply> {
    if (req.method !== "POST") return reply.text(405, "POST only");
    const refusal = bearerRefusal(req, [AGS_SCOPES.score]);
    if (refusal) return refusal;
    const item = findLineItem(contextId, n);
    if (!item) return reply.text(404, "no such line item");
    if (mediaType(req) !== MEDIA_TYPES.score) return reply.text(415, `Content-Type must be ${MEDIA_TYPES.score}`);
    if (scoreFailures.count > 0) {
      scoreFailures.count -= 1;
      return reply.text(scoreFailures.status, "the gradebook is unavailable (simulated)");
    }
    const body = await readJson(req);
    const problem = scoreProblem(body);
    if (problem) return reply.text(400, problem);
    received.push({ ...(body as Omit<ReceivedScore, "lineItem">), lineItem: item.id });
    return reply.text(200, "");
  }

  /** NRPS 2.0 §2: the context membership service. */
  function memberships(req: IncomingMessage, url: URL, contextId: string): Reply {
    if (req.method !== "GET") return reply.text(405, "GET only");
    const refusal = bearerRefusal(req, [NRPS_SCOPE]);
    if (refusal) return refusal;
    const context = contexts.get(contextId);
    if (!context) return reply.text(404, "no such context");
    const role = url.searchParams.get("role");
    return reply.json(
      200,
      {
        id: membershipsUrl(contextId),
        context: { id: context.id, label: context.label ?? "", title: context.title },
        members: members.filter((member) => !role || member.roles.includes(role)),
      },
      MEDIA_TYPES.membershipContainer,
    );
  }

  /** LTI-DL 2.0 §4.5: the tool posts its signed LtiDeepLinkingResponse (form field JWT) to deep_link_return_url. */
  async function receiveDeepLinkingResponse(req: IncomingMessage): Promise<Reply> {
    if (req.method !== "POST") return reply.text(405, "POST only");
    const jwt = new URLSearchParams(await readBody(req)).get("JWT");
    if (!jwt) return reply.text(400, "JWT is missing");
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(jwt, await toolKeySet(), { issuer: clientId, audience: issuer, algorithms: ["RS256"] }));
    } catch (error) {
      return reply.text(400, `deep linking response refused: ${error instanceof Error ? error.message : String(error)}`);
    }
    const expected: [string, unknown][] = [
      [`${LTI_CLAIM}message_type`, "LtiDeepLinkingResponse"],
      [`${LTI_CLAIM}version`, "1.3.0"],
      [`${LTI_CLAIM}deployment_id`, deploymentId],
    ];
    for (const [claim, value] of expected) {
      if (payload[claim] !== value) return reply.text(400, `${claim} must be "${String(value)}"`);
    }
    const data = payload["https://purl.imsglobal.org/spec/lti-dl/claim/data"];
    if (typeof data !== "string" || !issuedDeepLinkingData.has(data)) return reply.text(400, "data must echo deep_linking_settings.data");
    deepLinkingResponses.push(payload);
    return reply.html(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Moodle</title></head><body><p>Content added.</p></body></html>`,
    );
  }

  /** Moodle's view.php: the course page holding the tool in an iframe. */
  function coursePage(url: URL): Reply {
    const launch = `${issuer}/mod/lti/launch.php?${new URLSearchParams({ login: url.searchParams.get("login") ?? "" })}`;
    return reply.html(`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Alliances — L3 AES</title></head>
<body><h1>Alliances — L3 AES</h1>
<iframe id="contentframe" title="Apprendre à faire alliance" src="${escapeHtml(launch)}" width="100%" height="700"
 allow="microphone *; camera *; geolocation *; midi *; encrypted-media *; autoplay *" allowfullscreen></iframe>
</body></html>`);
  }

  /** Moodle's launch.php: posts the third-party login initiation to the tool. */
  function launchPage(url: URL): Reply {
    const login = url.searchParams.get("login");
    if (!login) return reply.text(400, "login (the tool's login initiation URL) is missing");
    if (!nextLaunch) return reply.text(400, "no launch prepared (setNextLaunch)");
    return reply.html(autoPostPage(login, Object.fromEntries(loginInitiationParams())));
  }

  const services: [RegExp, (req: IncomingMessage, url: URL, match: string[]) => Reply | Promise<Reply>][] = [
    [/^\/mod\/lti\/services\.php\/(\w+)\/lineitems$/, (req, url, [, context]) => lineItemsContainer(req, url, context!)],
    [/^\/mod\/lti\/services\.php\/(\w+)\/lineitems\/(\d+)\/lineitem$/, (req, _url, [, context, n]) => lineItem(req, context!, n!)],
    [/^\/mod\/lti\/services\.php\/(\w+)\/lineitems\/(\d+)\/lineitem\/scores$/, (req, _url, [, context, n]) => postScore(req, context!, n!)],
    [
      /^\/mod\/lti\/services\.php\/CourseSection\/(\w+)\/bindings\/\d+\/memberships$/,
      (req, url, [, context]) => memberships(req, url, context!),
    ],
  ];

  function route(req: IncomingMessage, url: URL): Reply | Promise<Reply> {
    switch (url.pathname) {
      case "/mod/lti/certs.php":
        return serveJwks();
      case "/mod/lti/auth.php":
        return authorize(req, url);
      case "/mod/lti/token.php":
        return issueToken(req);
      case "/mod/lti/contentitem_return.php":
        return receiveDeepLinkingResponse(req);
      case "/mod/lti/view.php":
        return coursePage(url);
      case "/mod/lti/launch.php":
        return launchPage(url);
    }
    for (const [pattern, handler] of services) {
      const match = pattern.exec(url.pathname);
      if (match) return handler(req, url, [...match]);
    }
    return reply.text(404, `no such page: ${url.pathname}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    let answer: Reply;
    try {
      answer = await route(req, new URL(req.url ?? "/", issuer));
    } catch (error) {
      // A test reads the status and the text; a bug of this platform must not look like the tool's.
      answer = reply.text(500, `test platform error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    res.writeHead(answer.status, { "content-type": answer.type, "cache-control": "no-store", ...answer.headers }).end(answer.body);
  }
  server.on("request", (req: IncomingMessage, res: ServerResponse) => void handle(req, res));

  return {
    issuer,
    clientId,
    deploymentId,
    authLoginUrl,
    authTokenUrl,
    jwksUrl,
    idToken,
    async rotateKey({ dropOld = false } = {}) {
      const key = await newKey();
      keys = dropOld ? [key] : [...keys, key];
    },
    jwksFetches: () => jwksFetchCount,
    setNextLaunch(launch) {
      nextLaunch = launch;
    },
    allowRedirect(uri) {
      redirectUris.add(uri);
    },
    trustToolJwks(url) {
      toolJwksUrl = url;
    },
    loginInitiationUrl(toolLoginUrl) {
      const url = new URL(toolLoginUrl);
      for (const [name, value] of loginInitiationParams()) url.searchParams.set(name, value);
      return url.toString();
    },
    coursePageUrl: (toolLoginUrl) => `${issuer}/mod/lti/view.php?${new URLSearchParams({ login: toolLoginUrl })}`,
    setMembers(list) {
      members = list;
    },
    lineItems: () => lineItems.map(publicLineItem),
    scores: () => [...received],
    failNextScores(count, status = 503) {
      scoreFailures = { count, status };
    },
    revokeTokens() {
      tokens.clear();
    },
    deepLinkingResponses: () => [...deepLinkingResponses],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
