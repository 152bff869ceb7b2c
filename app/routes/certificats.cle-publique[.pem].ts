/**
 * The public key that verifies every certificate's signature (Ed25519, PEM). Published so that
 * anyone can check a certificate offline; see README « Vérifier un certificat hors ligne ».
 */
import { serverSigningKey } from "~/certificates/signing.server.ts";

export function loader() {
  const { publicKeyPem, keyId } = serverSigningKey();
  return new Response(publicKeyPem, {
    headers: {
      "Content-Type": "application/x-pem-file; charset=utf-8",
      "Content-Disposition": 'inline; filename="cle-publique.pem"',
      "Cache-Control": "public, max-age=3600",
      "X-Key-Id": keyId,
    },
  });
}
