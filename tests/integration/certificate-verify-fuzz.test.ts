/**
 * Offline verification of a certificate PDF never crashes: every single-byte flip of a real
 * certificate (a deterministic sample: half anywhere in the file, half in its last bytes, where
 * the attachments, the object stream and the cross-reference stream are) gives « invalide » with a
 * French reason, or « valide » with exactly the data that was signed — a flip in a font or in the
 * page's drawing does not touch the signed attachments. Run in-process; the CLI is spawned twice,
 * for its exit codes and what it prints.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, test } from "vitest";
import { certificatePayload } from "~/certificates/certificate-payload.ts";
import { renderCertificatePdf } from "~/certificates/certificate-pdf.server.ts";
import { verifyCertificatePdf, type OfflineVerification } from "~/certificates/offline-verification.server.ts";
import { generateSigningKeyPem, signingKeyFromPem } from "~/certificates/signing.server.ts";
import { ROOT } from "../../prisma/tools/prisma-cli.ts";
import { certificateFacts, signedCertificate } from "../helpers/certificate-facts.ts";
import { flip, random } from "../helpers/byte-flips.ts";

const run = promisify(execFile);
const key = signingKeyFromPem(generateSigningKeyPem());
const dir = mkdtempSync(path.join(tmpdir(), "aafa-fuzz-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const facts = certificateFacts(key.keyId, {
  learnerName: "Zoë Ñúñez-O'Brien 王小明",
  objectives: ["Situer son territoire parmi les démarches d'alliance.", "Mesurer les effets d'une alliance."],
});
const payload = certificatePayload(facts);
const genuine = renderCertificatePdf(signedCertificate(key, facts, payload));

const FLIPS = 400;
const TAIL = 4096;

describe("offline verification of a certificate PDF", () => {
  test(
    `gives « invalide » with a reason, or « valide » with the signed data, for each of ${FLIPS} single-byte flips`,
    { timeout: 120_000 },
    async () => {
      const bytes = await genuine;
      expect(await verifyCertificatePdf(bytes, key.publicKey)).toMatchObject({ status: "valide", payload });
      const next = random(20261120);
      const crashes: string[] = [];
      const outcomes: Record<OfflineVerification["status"], number> = { valide: 0, invalide: 0 };
      const reasons = new Set<string>();
      const wrong: string[] = [];
      for (let index = 0; index < FLIPS; index += 1) {
        const position = index % 2 === 0 ? Math.floor(next() * bytes.length) : bytes.length - 1 - Math.floor(next() * TAIL);
        const mask = 1 + Math.floor(next() * 255);
        let result: OfflineVerification;
        try {
          result = await verifyCertificatePdf(flip(bytes, position, mask), key.publicKey);
        } catch (error) {
          crashes.push(`octet ${position} ^ ${mask} : ${(error as Error).message}`);
          continue;
        }
        outcomes[result.status] += 1;
        if (result.status === "valide" && result.payload !== payload) wrong.push(`octet ${position} ^ ${mask} : valide, autres données`);
        if (result.status === "invalide") reasons.add(result.reason);
      }
      expect(crashes).toEqual([]);
      expect(wrong).toEqual([]);
      // A sentence in French that says what is wrong.
      for (const reason of reasons) expect(reason).toMatch(/^[A-ZÀ-Ý][^]{30,}\.$/);
      expect(outcomes.valide).toBeGreaterThan(0);
      expect(outcomes.invalide).toBeGreaterThan(0);
    },
  );

  test("the CLI says « valide », what the signature covers, and every signed field; « invalide » with a reason and no stack trace", async () => {
    const bytes = await genuine;
    const keyFile = path.join(dir, "cle-publique.pem");
    writeFileSync(keyFile, key.publicKeyPem);
    const genuineFile = path.join(dir, "authentique.pdf");
    writeFileSync(genuineFile, bytes);
    // The first byte of « %PDF »: the file no longer reads as a PDF (a stack trace before the fix).
    const damagedFile = path.join(dir, "endommage.pdf");
    writeFileSync(damagedFile, flip(bytes, 0, 0x40));
    const verify = (file: string) =>
      run(path.join(ROOT, "node_modules/.bin/tsx"), ["app/cli/certificate-verify.ts", file, keyFile], { cwd: ROOT });

    // Durations carry no-break spaces (« 4 h 07 » never splits); compared here as plain spaces.
    const stdout = (await verify(genuineFile)).stdout.replace(/[\u00A0\u202F]/g, " ");
    for (const expected of [
      "✓ Signature valide",
      "Elle ne prouve rien sur la page imprimée",
      "Titulaire : Zoë Ñúñez-O'Brien 王小明",
      "(sur la page : « Zoë Ñúñez-O'Brien ??? »",
      "Parcours : Comprendre et se situer (parcours-4h)",
      "• Mesurer les effets d'une alliance.",
      "Durée réalisée (temps d'activité enregistré) : 4 h 07",
      "Première activité : 2 novembre 2026",
      "Parcours achevé le : 20 novembre 2026",
      "Score à l'évaluation finale : 85 %",
      "Délivré le : 20 novembre 2026",
      "Code de vérification : 7KQM-3XRT-9PWD-AB12-CD34-EF56-GH78",
      `Empreinte SHA-256 de certificat.json : ${createHash("sha256").update(payload).digest("hex")}`,
    ]) {
      expect(stdout).toContain(expected);
    }

    const failure = await verify(damagedFile).then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 1, stdout: "" });
    expect(failure!.stderr).toContain("✗ Certificat invalide : Le fichier ne se lit pas comme un PDF");
    expect(failure!.stderr).not.toMatch(/^\s+at /m);
  });
});
