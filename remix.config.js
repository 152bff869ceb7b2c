/**
 * Remix 2 with its classic compiler (esbuild), not Vite: see README « Décisions », D1.
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // node_modules stay external: the server build only bundles our code and the generated Prisma client.
  serverDependenciesToBundle: [],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    // Off on purpose (D1): said explicitly, so that the build stops printing its notice.
    v3_singleFetch: false,
  },
};
