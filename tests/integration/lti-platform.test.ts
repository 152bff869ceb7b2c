/**
 * The LTI test platform (tests/helpers/lti-platform.ts) behaves as a platform must, so that the
 * tool's tests prove something: its tokens verify against its JWKS and nothing else does, key
 * rotation is published, the authorization endpoint refuses what Moodle refuses and answers the
 * form_post page, the token endpoint only trusts the tool's own keys, and scores are recorded.
 * (Here rather than beside the helper: Vitest only collects tests/integration/.)
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JWTPayload,
} from "jose";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  AGS_ENDPOINT_CLAIM,
  AGS_SCOPES,
  CLIENT_ASSERTION_TYPE,
  DEEP_LINKING_CLAIM,
  LTI_CLAIM,
  MEDIA_TYPES,
  NRPS_CLAIM,
  NRPS_SCOPE,
  ROLE_URIS,
  startLtiPlatform,
  type LtiTestPlatform,
} from "../helpers/lti-platform.ts";

const TOOL = "https://outil.exemple.fr";
const TARGET = `${TOOL}/lti/launch?parcours=faire-alliance`;
const REDIRECT = `${TOOL}/lti/launch`;

/** The tool's side: an RS256 key whose public half is served as a JWKS. */
async function startToolKeys() {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const kid = "outil-1";
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" }] });
  const server = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(jwks));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    kid,
    privateKey,
    jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/lti/jwks.json`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let platform: LtiTestPlatform;
let tool: Awaited<ReturnType<typeof startToolKeys>>;

beforeAll(async () => {
  [platform, tool] = await Promise.all([startLtiPlatform(), startToolKeys()]);
  platform.trustToolJwks(tool.jwksUrl);
  platform.allowRedirect(REDIRECT);
});
afterAll(async () => {
  await Promise.all([platform?.close(), tool?.close()]);
});

const verifyWithPublishedKeys = (token: string) =>
  jwtVerify(token, createRemoteJWKSet(new URL(platform.jwksUrl)), {
    issuer: platform.issuer,
    audience: platform.clientId,
    algorithms: ["RS256"],
  });

function clientAssertion(key: CryptoKey, claims: JWTPayload = {}) {
  return new SignJWT({ iss: platform.clientId, sub: platform.clientId, aud: platform.authTokenUrl, jti: randomUUID(), ...claims })
    .setProtectedHeader({ alg: "RS256", kid: tool.kid })
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(key);
}

function askToken(assertion: string, scope: string) {
  return fetch(platform.authTokenUrl, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion: assertion,
      scope,
    }),
  });
}

async function accessToken(scope: string): Promise<string> {
  const response = await askToken(await clientAssertion(tool.privateKey), scope);
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

describe("the id_token", () => {
  test("verifies against the served JWKS and carries Moodle's claims", async () => {
    const token = await platform.idToken({
      nonce: "n-1",
      targetLinkUri: TARGET,
      role: "Instructor",
      custom: { parcours: "faire-alliance" },
    });
    const { payload, protectedHeader } = await verifyWithPublishedKeys(token);
    expect(protectedHeader).toMatchObject({ alg: "RS256", typ: "JWT" });
    expect(payload).toMatchObject({
      azp: platform.clientId,
      sub: "2",
      nonce: "n-1",
      name: "Camille Martin",
      given_name: "Camille",
      family_name: "Martin",
      email: "camille.martin@univ-test.fr",
      [`${LTI_CLAIM}deployment_id`]: "1",
      [`${LTI_CLAIM}message_type`]: "LtiResourceLinkRequest",
      [`${LTI_CLAIM}version`]: "1.3.0",
      [`${LTI_CLAIM}roles`]: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"],
      [`${LTI_CLAIM}context`]: { id: "17", title: "Alliances — L3 AES", label: "ALL-L3", type: ["CourseSection"] },
      [`${LTI_CLAIM}resource_link`]: { id: "3", title: "Faire alliance, le parcours" },
      [`${LTI_CLAIM}target_link_uri`]: TARGET,
      [`${LTI_CLAIM}tool_platform`]: { product_family_code: "moodle", version: "2024100700" },
      [`${LTI_CLAIM}launch_presentation`]: { document_target: "iframe" },
      [`${LTI_CLAIM}custom`]: { parcours: "faire-alliance" },
      [`${LTI_CLAIM}lis`]: { person_sourcedid: "" },
    });
    expect(payload.exp! - payload.iat!).toBe(60);
    expect(payload[AGS_ENDPOINT_CLAIM]).toBeUndefined();
    expect(payload[DEEP_LINKING_CLAIM]).toBeUndefined();
  });

  test("leaves out the name and e-mail when withheld, and lets a test change or remove any claim", async () => {
    const token = await platform.idToken({
      nonce: "n-2",
      targetLinkUri: TARGET,
      name: null,
      email: null,
      claims: { aud: "un-autre-outil", [NRPS_CLAIM]: undefined },
    });
    const payload = decodeJwt(token);
    for (const claim of ["name", "given_name", "family_name", "email", NRPS_CLAIM]) expect(payload).not.toHaveProperty([claim]);
    expect(payload[`${LTI_CLAIM}roles`]).toEqual(ROLE_URIS.Learner);
    await expect(verifyWithPublishedKeys(token)).rejects.toBeInstanceOf(errors.JWTClaimValidationFailed);
  });

  test("is fetched once by a caching verifier, and rotation publishes the new kid (both, then only the new one)", async () => {
    const jwks = createRemoteJWKSet(new URL(platform.jwksUrl));
    const fetches = platform.jwksFetches();
    const before = await platform.idToken({ nonce: "n-3", targetLinkUri: TARGET });
    await jwtVerify(before, jwks);
    await jwtVerify(before, jwks);
    expect(platform.jwksFetches()).toBe(fetches + 1);

    await platform.rotateKey();
    const after = await platform.idToken({ nonce: "n-4", targetLinkUri: TARGET });
    const [oldKid, newKid] = [decodeProtectedHeader(before).kid, decodeProtectedHeader(after).kid];
    expect(newKid).not.toBe(oldKid);
    const served = (await (await fetch(platform.jwksUrl)).json()) as { keys: { kid: string; alg: string; use: string }[] };
    expect(served.keys.map((key) => [key.kid, key.alg, key.use])).toEqual([
      [oldKid, "RS256", "sig"],
      [newKid, "RS256", "sig"],
    ]);
    await verifyWithPublishedKeys(before);
    await verifyWithPublishedKeys(after);

    await platform.rotateKey({ dropOld: true });
    await expect(verifyWithPublishedKeys(after)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
  });

  test("signed by a stranger with the same kid, unsigned, or HS256 with the public key: none verifies", async () => {
    const current = decodeProtectedHeader(await platform.idToken({ nonce: "n-5", targetLinkUri: TARGET })).kid;
    const stranger = await platform.idToken({ nonce: "n-5", targetLinkUri: TARGET, signWith: "stranger" });
    expect(decodeProtectedHeader(stranger).kid).toBe(current);
    await expect(verifyWithPublishedKeys(stranger)).rejects.toBeInstanceOf(errors.JWSSignatureVerificationFailed);

    const unsigned = await platform.idToken({ nonce: "n-5", targetLinkUri: TARGET, unsigned: true });
    expect(decodeProtectedHeader(unsigned).alg).toBe("none");
    expect(unsigned.endsWith(".")).toBe(true);
    await expect(verifyWithPublishedKeys(unsigned)).rejects.toThrow();

    const confused = await platform.idToken({ nonce: "n-5", targetLinkUri: TARGET, header: { alg: "HS256" } });
    await expect(verifyWithPublishedKeys(confused)).rejects.toBeInstanceOf(errors.JOSEAlgNotAllowed);
  });
});

describe("the authorization endpoint (OIDC, form_post)", () => {
  const request = (overrides: Record<string, string> = {}) => ({
    scope: "openid",
    response_type: "id_token",
    response_mode: "form_post",
    prompt: "none",
    client_id: platform.clientId,
    redirect_uri: REDIRECT,
    login_hint: "42",
    lti_message_hint: '{"cmid":5}',
    state: "etat-1",
    nonce: "nonce-1",
    ...overrides,
  });

  test.each([
    [{ redirect_uri: "https://pirate.exemple/lti/launch" }, "redirect_uri"],
    [{ response_mode: "query" }, "response_mode"],
    [{ scope: "profile" }, "scope"],
    [{ client_id: "un-autre-outil" }, "client_id"],
    [{ nonce: "" }, "nonce"],
    [{ login_hint: "7" }, "login_hint"],
  ])("refuses %o with 400 and says why", async (overrides, reason) => {
    platform.setNextLaunch({ targetLinkUri: TARGET, sub: "42" });
    const response = await fetch(`${platform.authLoginUrl}?${new URLSearchParams(request(overrides))}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(reason);
  });

  test("answers a page that posts a valid id_token carrying the nonce, and the state, to the redirect URI", async () => {
    platform.setNextLaunch({ targetLinkUri: TARGET, sub: "42", role: "Learner" });
    const response = await fetch(platform.authLoginUrl, { method: "POST", body: new URLSearchParams(request()) });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain(`<form method="post" action="${REDIRECT}"`);
    expect(page).toContain(`<input type="hidden" name="state" value="etat-1">`);
    expect(page).toMatch(/<noscript><button type="submit">/);
    const idToken = /name="id_token" value="([^"]+)"/.exec(page)![1]!;
    const { payload } = await verifyWithPublishedKeys(idToken);
    expect(payload).toMatchObject({ nonce: "nonce-1", sub: "42", [`${LTI_CLAIM}target_link_uri`]: TARGET });
  });

  test("the login initiation and the course page carry Moodle's parameters to the tool", async () => {
    platform.setNextLaunch({ targetLinkUri: TARGET, sub: "42" });
    const initiation = new URL(platform.loginInitiationUrl(`${TOOL}/lti/login`));
    expect(Object.fromEntries(initiation.searchParams)).toMatchObject({
      iss: platform.issuer,
      target_link_uri: TARGET,
      login_hint: "42",
      client_id: platform.clientId,
      lti_deployment_id: "1",
    });

    const course = await (await fetch(platform.coursePageUrl(`${TOOL}/lti/login`))).text();
    const frame = /<iframe[^>]* src="([^"]+)"/.exec(course)![1]!.replaceAll("&amp;", "&");
    const launch = await (await fetch(frame)).text();
    expect(launch).toContain(`action="${TOOL}/lti/login"`);
    expect(launch).toContain(`name="login_hint" value="42"`);
  });
});

describe("the token endpoint", () => {
  test("gives a Bearer token for an assertion signed with the tool's key", async () => {
    const response = await askToken(await clientAssertion(tool.privateKey), `${AGS_SCOPES.score} ${AGS_SCOPES.lineItem}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      access_token: expect.any(String),
      token_type: "Bearer",
      expires_in: 3600,
      scope: `${AGS_SCOPES.score} ${AGS_SCOPES.lineItem}`,
    });
  });

  test("refuses an assertion signed by an unknown key, replayed, or for another audience", async () => {
    const { privateKey: unknownKey } = await generateKeyPair("RS256");
    const forged = await askToken(await clientAssertion(unknownKey), AGS_SCOPES.score);
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ error: "invalid_client" });

    const assertion = await clientAssertion(tool.privateKey);
    expect((await askToken(assertion, AGS_SCOPES.score)).status).toBe(200);
    expect((await askToken(assertion, AGS_SCOPES.score)).status).toBe(401);

    expect((await askToken(await clientAssertion(tool.privateKey, { aud: platform.issuer }), AGS_SCOPES.score)).status).toBe(401);
  });
});

describe("Assignment and Grade Services", () => {
  test("a line item launch gives Moodle's URLs; a score posted with a token is recorded", async () => {
    const launch = decodeJwt(
      await platform.idToken({ nonce: "n-6", targetLinkUri: TARGET, lineItem: { scoreMaximum: 20, label: "Évaluation finale" } }),
    );
    const endpoint = launch[AGS_ENDPOINT_CLAIM] as { lineitem: string; lineitems: string; scope: string[] };
    expect(endpoint.scope).toContain(AGS_SCOPES.score);
    expect(endpoint.lineitem).toMatch(new RegExp(`^${platform.issuer}/mod/lti/services\\.php/17/lineitems/\\d+/lineitem\\?type_id=1$`));
    expect(platform.lineItems()).toContainEqual({
      id: endpoint.lineitem,
      scoreMaximum: 20,
      label: "Évaluation finale",
      resourceLinkId: "3",
    });

    const scoresUrl = endpoint.lineitem.replace("?", "/scores?");
    const score = {
      userId: "2",
      scoreGiven: 17,
      scoreMaximum: 20,
      activityProgress: "Completed",
      gradingProgress: "FullyGraded",
      timestamp: new Date().toISOString(),
    };
    const post = (token: string, body: unknown, type: string = MEDIA_TYPES.score) =>
      fetch(scoresUrl, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": type }, body: JSON.stringify(body) });

    const token = await accessToken(AGS_SCOPES.score);
    expect((await post("jeton-inconnu", score)).status).toBe(401);
    expect((await post(await accessToken(AGS_SCOPES.lineItemReadOnly), score)).status).toBe(403);
    expect((await post(token, score, "application/json")).status).toBe(415);
    expect((await post(token, { ...score, timestamp: undefined })).status).toBe(400);
    platform.failNextScores(1);
    expect((await post(token, score)).status).toBe(503);
    expect(platform.scores()).toEqual([]);

    expect((await post(token, score)).status).toBe(200);
    expect(platform.scores()).toEqual([{ ...score, lineItem: endpoint.lineitem }]);

    platform.revokeTokens();
    expect((await post(token, score)).status).toBe(401);
  });

  test("line items are listed and created with the lineitem scope", async () => {
    const token = await accessToken(AGS_SCOPES.lineItem);
    const container = `${platform.issuer}/mod/lti/services.php/17/lineitems?type_id=1`;
    const created = await fetch(container, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": MEDIA_TYPES.lineItem },
      body: JSON.stringify({ scoreMaximum: 100, label: "Scénario", resourceLinkId: "9", tag: "scenario" }),
    });
    expect(created.status).toBe(201);
    const item = (await created.json()) as { id: string };
    const listed = await fetch(`${container}&resource_link_id=9`, { headers: { authorization: `Bearer ${token}` } });
    expect(listed.headers.get("content-type")).toBe(MEDIA_TYPES.lineItemContainer);
    expect(await listed.json()).toEqual([{ id: item.id, scoreMaximum: 100, label: "Scénario", resourceLinkId: "9", tag: "scenario" }]);
  });
});

test("NRPS lists the members set by the test, for a token with the membership scope", async () => {
  const launch = decodeJwt(await platform.idToken({ nonce: "n-7", targetLinkUri: TARGET }));
  const url = (launch[NRPS_CLAIM] as { context_memberships_url: string }).context_memberships_url;
  platform.setMembers([
    { user_id: "2", roles: ROLE_URIS.Learner, status: "Active", name: "Camille Martin" },
    { user_id: "5", roles: ROLE_URIS.Instructor, status: "Active", name: "Dominique Bernard" },
  ]);
  expect((await fetch(url, { headers: { authorization: `Bearer ${await accessToken(AGS_SCOPES.score)}` } })).status).toBe(403);
  const token = await accessToken(NRPS_SCOPE);
  const response = await fetch(`${url}?role=${encodeURIComponent(ROLE_URIS.Learner[0]!)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.headers.get("content-type")).toBe(MEDIA_TYPES.membershipContainer);
  expect(await response.json()).toMatchObject({ context: { id: "17" }, members: [{ user_id: "2" }] });
});

test("a deep linking response signed by the tool and echoing data is recorded; a forged one is not", async () => {
  const request = decodeJwt(
    await platform.idToken({ nonce: "n-8", targetLinkUri: `${TOOL}/lti/launch`, role: "Instructor", deepLinking: {} }),
  );
  expect(request[`${LTI_CLAIM}message_type`]).toBe("LtiDeepLinkingRequest");
  expect(request).not.toHaveProperty([`${LTI_CLAIM}resource_link`]);
  const settings = request[DEEP_LINKING_CLAIM] as { deep_link_return_url: string; data: string; accept_types: string[] };
  expect(settings.accept_types).toEqual(["ltiResourceLink"]);

  const respond = async (key: CryptoKey, data: string) => {
    const jwt = await new SignJWT({
      nonce: randomUUID(),
      [`${LTI_CLAIM}message_type`]: "LtiDeepLinkingResponse",
      [`${LTI_CLAIM}version`]: "1.3.0",
      [`${LTI_CLAIM}deployment_id`]: "1",
      "https://purl.imsglobal.org/spec/lti-dl/claim/data": data,
      "https://purl.imsglobal.org/spec/lti-dl/claim/content_items": [
        { type: "ltiResourceLink", title: "Faire alliance", url: TARGET, lineItem: { scoreMaximum: 20, label: "Faire alliance" } },
      ],
    })
      .setProtectedHeader({ alg: "RS256", kid: tool.kid })
      .setIssuer(platform.clientId)
      .setAudience(platform.issuer)
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(key);
    return fetch(settings.deep_link_return_url, { method: "POST", body: new URLSearchParams({ JWT: jwt }) });
  };

  const { privateKey: unknownKey } = await generateKeyPair("RS256");
  expect((await respond(unknownKey, settings.data)).status).toBe(400);
  expect((await respond(tool.privateKey, "autre-chose")).status).toBe(400);
  expect(platform.deepLinkingResponses()).toEqual([]);
  expect((await respond(tool.privateKey, settings.data)).status).toBe(200);
  expect(platform.deepLinkingResponses()).toEqual([
    expect.objectContaining({ "https://purl.imsglobal.org/spec/lti-dl/claim/content_items": [expect.objectContaining({ url: TARGET })] }),
  ]);
});
